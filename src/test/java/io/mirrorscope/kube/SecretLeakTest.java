package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import io.mirrorscope.cli.ExitCodes;
import io.mirrorscope.cli.MirrorScopeCommand;
import io.mirrorscope.core.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Credentials that an HTTP header cannot carry (a line break or control character from a token file, a zero-width
 * space from copy-paste) go through the real command line: the answer names the field and exits 3, and neither
 * stdout, stderr nor the log file holds the secret, nor the JDK's "invalid header value".
 */
class SecretLeakTest {

    private static final Logger LOG = LoggerFactory.getLogger(SecretLeakTest.class);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A user block, a file to write beside the kubeconfig (or null), the secret parts, and the field named. */
    record Case(String name, String userYaml, String fileName, String fileText, List<String> secrets, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        String plugin = "#!/bin/sh\necho 'trace: using token plugin-stderr-secret-77' >&2\n"
                + "printf '%s' '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"token\":\"exec-token-secret-1234\\nsecond-line-5678\"}}'\n";
        return Stream.of(
                new Case("token with a trailing zero-width space", "token: \"zwsp-token-secret-0123456789\\u200B\"",
                        null, null, List.of("zwsp-token-secret-0123456789"), "token of user alice (context leak)"),
                new Case("token with a line break", "token: \"first-half-secret-0123\\nsecond-half-secret-4567\"",
                        null, null, List.of("first-half-secret-0123", "second-half-secret-4567"),
                        "token of user alice (context leak)"),
                new Case("token file of two lines", "tokenFile: token.txt", "token.txt",
                        "file-token-line-one-0123\nfile-token-line-two-4567\n",
                        List.of("file-token-line-one-0123", "file-token-line-two-4567"), "tokenFile "),
                new Case("token file with a control character", "tokenFile: token.txt", "token.txt",
                        "bell-token-secret-0123456789\u0007\n", List.of("bell-token-secret-0123456789"), "tokenFile "),
                new Case("password with a line break", "username: alice\npassword: \"pass-word-secret\\r\\nmore\"",
                        null, null, List.of("pass-word-secret"), "password of user alice (context leak)"),
                new Case("exec plugin token with a line break", """
                        exec:
                          apiVersion: client.authentication.k8s.io/v1
                          command: ./plugin
                          interactiveMode: Never
                        """, "plugin", plugin,
                        List.of("exec-token-secret-1234", "second-line-5678", "plugin-stderr-secret-77"),
                        "token from exec plugin"),
                new Case("oidc id-token with a zero-width space", """
                        auth-provider:
                          name: oidc
                          config:
                            id-token: "oidc-id-token-secret-0123\\u200B"
                            client-id: mirrorscope
                        """, null, null, List.of("oidc-id-token-secret-0123"),
                        "id-token of the oidc auth-provider of user alice (context leak)"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badCredentialIsNamedNeverShownAndExitsThree(Case c) throws Exception {
        if (c.fileName() != null) {
            Path file = dir.resolve(c.fileName());
            Files.writeString(file, c.fileText(), StandardCharsets.UTF_8);
            if (c.fileName().equals("plugin")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
            }
        }
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: leak
                clusters:
                - name: c
                  cluster: {server: "https://127.0.0.1:9"}
                contexts:
                - name: leak
                  context: {cluster: c, user: alice, namespace: kafka}
                users:
                - name: alice
                  user:
                %s
                """.formatted(c.userYaml().indent(4).stripTrailing()), StandardCharsets.UTF_8);
        long logBefore = Files.exists(logFile()) ? Files.size(logFile()) : 0;

        int exit = run("inventory", "--kubeconfig", kubeconfig.toString());

        String stderr = err.toString();
        assertThat(exit).as(stderr).isEqualTo(ExitCodes.CONNECTION);
        assertThat(stderr).startsWith("mirrorscope: The " + c.field()).contains("contains")
                .doesNotContain("invalid header value").doesNotContain("Exception");
        String log = logSince(logBefore);
        for (String secret : c.secrets()) {
            assertThat(out.toString()).doesNotContain(secret);
            assertThat(stderr).doesNotContain(secret);
            assertThat(log).doesNotContain(secret);
        }
    }

    @Test
    void theJdksOwnMessageIsScrubbedInTheLogAndOnTheTerminal() throws Exception {
        String token = "jdk-message-secret-0123456789\u200B";
        Redactor.remember(token);
        // What the JDK's HTTP client says about such a token, quoting it whole.
        Throwable jdk = catchThrowable(() -> java.net.http.HttpRequest.newBuilder(URI.create("https://x.test"))
                .header("Authorization", "Bearer " + token));
        assertThat(jdk).hasMessageContaining("jdk-message-secret-0123456789");
        long before = Files.exists(logFile()) ? Files.size(logFile()) : 0;
        LOG.warn("request failed: {}", jdk.getMessage(), new IllegalStateException("wrapped", jdk));
        String log = logSince(before);
        assertThat(log).contains("request failed: invalid header value").contains(Redactor.MASK)
                .doesNotContain("jdk-message-secret-0123456789");
    }

    @Test
    void pluginStderrIsShownOnlyWithDebug() throws Exception {
        Path plugin = dir.resolve("plugin");
        Files.writeString(plugin, "#!/bin/sh\necho 'login failed for token stderr-only-secret-42' >&2\nexit 7\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                current-context: x
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: ./plugin,
                  interactiveMode: Never}}}]
                """);
        assertThat(run("inventory", "--kubeconfig", kubeconfig.toString())).isEqualTo(ExitCodes.CONNECTION);
        assertThat(err.toString()).isEqualTo("mirrorscope: Exec credential plugin '" + plugin + "' for context x "
                + "(user u) exited with 7 — run again with --debug to see what it wrote on stderr, or run the command "
                + "by hand\n");
        err.getBuffer().setLength(0);
        assertThat(run("inventory", "--kubeconfig", kubeconfig.toString(), "--debug"))
                .isEqualTo(ExitCodes.CONNECTION);
        assertThat(err.toString()).contains("stderr of the exec plugin:\nlogin failed for token stderr-only-secret-42");
    }

    private int run(String... args) {
        CommandLine cli = MirrorScopeCommand.commandLine((options, smoke) -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** What the log file got since it had {@code size} bytes (all of it, should it have rolled over). */
    private static String logSince(long size) throws java.io.IOException {
        byte[] all = Files.readAllBytes(logFile());
        int from = size <= all.length ? (int) size : 0;
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    /** The log file the app writes (logback.xml's FILE appender). */
    private static Path logFile() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        FileAppender<?> file = (FileAppender<?>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender("FILE");
        return Path.of(file.getFile());
    }
}
