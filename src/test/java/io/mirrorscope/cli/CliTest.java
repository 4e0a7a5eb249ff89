package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line's contract: help, version, usage errors and exit codes. */
class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicBoolean guiStarted = new AtomicBoolean();

    private int run(String... args) {
        CommandLine cli = MirrorScopeCommand.commandLine((options, smoke) -> {
            guiStarted.set(true);
            return 0;
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsEveryCommandAndGlobalOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains("Usage: mirrorscope")
                .contains("contexts", "inventory", "records", "rbac", "compare", "trace")
                .contains("--kubeconfig", "--context", "--namespace", "--output", "--debug")
                .contains("Exit codes: 0 ok, 1 findings, 2 usage, 3 connection/auth, 4 not found");
        assertThat(err.toString()).isEmpty();
        assertThat(guiStarted).isFalse();
    }

    @Test
    void versionNamesAppAndJava() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).containsPattern("MirrorScope \\d+\\.\\d+\\.\\d+")
                .contains("Java " + Runtime.version().feature());
    }

    @Test
    void unknownOptionIsOneLineOnStderrAndExitTwo() {
        assertThat(run("--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).doesNotContain("\n")
                .contains("Unknown option: '--bogus'")
                .contains("mirrorscope --help");
    }

    @Test
    void badOutputFormatIsAUsageError() {
        assertThat(run("inventory", "-o", "yaml")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contexts", "inventory", "records", "rbac", "compare", "trace"})
    void everySubcommandHasItsOwnHelp(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).contains("Usage: mirrorscope " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nohost", "host:abc", "host:99999", "host:0", ":9092", "a b:9092", "host:9092,",
        "::1:9092", "\u001b[2J:9092"})
    void malformedBootstrapIsAUsageError(String bootstrap) {
        assertThat(run("records", "--bootstrap", bootstrap, "--topic", "t")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").startsWith("mirrorscope: Bad --bootstrap: ")
                .doesNotContain("unexpected").doesNotContain("\u001b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-100"})
    void negativeLimitIsAUsageError(String limit) {
        assertThat(run("records", "--bootstrap", "127.0.0.1:1", "--topic", "t", "--limit", limit))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--limit must be 0 (no limit) or more");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ht!tp://::garbage url", "ftp://api.example.com", "https://", "https://exa mple.com"})
    void garbageServerUrlIsAUsageError(String server) throws Exception {
        java.nio.file.Path config = java.nio.file.Files.createTempFile("kubeconfig", ".yaml");
        try {
            java.nio.file.Files.writeString(config, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: c
                      cluster: {server: "%s"}
                    users:
                    - name: u
                      user: {token: abc}
                    contexts:
                    - name: x
                      context: {cluster: c, user: u}
                    current-context: x
                    """.formatted(server));
            assertThat(run("--kubeconfig", config.toString(), "inventory")).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString().strip()).doesNotContain("\n")
                    .startsWith("mirrorscope: The server address '" + server + "' of cluster c (context x) is not "
                            + "a URL");
        } finally {
            java.nio.file.Files.delete(config);
        }
    }

    @Test
    void rbacRefusesANamespaceThatIsNoName() {
        assertThat(run("rbac", "-n", "ns\u001b]0;pwned\u0007\nkind: ClusterRoleBinding")).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("Not a namespace name: 'ns\\e]0;pwned\\x07\\nkind")
                .doesNotContain("\u001b");
        assertThat(run("rbac", "-n", "team-a")).isZero();
    }

    @Test
    void noArgumentsOpensTheWindow() {
        assertThat(run()).isZero();
        assertThat(guiStarted).isTrue();
    }

    @Test
    void globalOptionsAreAcceptedBeforeAndAfterTheCommand() {
        CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
        CommandLine.ParseResult before = cli.parseArgs("--context", "c1", "-n", "ns1", "-o", "json", "trace");
        assertThat(before.matchedOptionValue("--context", "")).isEqualTo("c1");
        MirrorScopeCommand top = cli.getCommand();
        assertThat(top.globals().namespace()).isEqualTo("ns1");
        assertThat(top.globals().output()).isEqualTo(OutputFormat.json);

        CommandLine again = MirrorScopeCommand.commandLine((o, s) -> 0);
        again.parseArgs("trace", "--context", "c2", "--debug");
        MirrorScopeCommand top2 = again.getCommand();
        assertThat(top2.globals().context()).isEqualTo("c2");
        assertThat(top2.globals().debug()).isTrue();
    }
}
