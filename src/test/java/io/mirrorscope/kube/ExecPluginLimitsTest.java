package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that never ends is stopped at the timeout (with its children), one that floods stdout is stopped at the
 * cap; either way the caller gets a Problem naming the plugin and the context, and the credential lock is free again.
 */
@Tag("timed")
class ExecPluginLimitsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private Path kubeconfig(String script) throws Exception {
        Path plugin = dir.resolve("plugin");
        Files.writeString(plugin, script);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Path file = dir.resolve("config");
        Files.writeString(file, """
                current-context: slow
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]
                contexts: [{name: slow, context: {cluster: c, user: u}}]
                users:
                - name: u
                  user:
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: ./plugin, args: [get-token],
                           interactiveMode: Never}
                """);
        return file;
    }

    private Credentials credentials(Path kubeconfig) {
        return new Credentials(Kubeconfig.load(kubeconfig, null, dir).resolve(null), false, Clock.systemUTC(),
                TIMEOUT);
    }

    @Test
    void hangingPluginIsStoppedWithItsChildrenAndNamed() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Credentials credentials = credentials(kubeconfig("""
                #!/bin/sh
                sleep 300 &
                echo $! > "%s"
                wait
                """.formatted(pidFile)));

        ProblemException e = catchThrowableOfType(ProblemException.class, credentials::authorization);

        Problem p = e.problem();
        assertThat(p.kind()).isEqualTo(Problem.Kind.CONNECTION);
        assertThat(p.title()).isEqualTo("Exec credential plugin '" + dir.resolve("plugin") + "' for context slow "
                + "(user u) did not finish within 2 s and was stopped");
        assertThat(p.hint()).startsWith("run `" + dir.resolve("plugin") + " get-token` by hand");
        long child = Long.parseLong(Files.readString(pidFile).strip());
        await().atMost(5, TimeUnit.SECONDS).until(() -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void theCredentialLockIsFreeAfterTheTimeout() throws Exception {
        Credentials credentials = credentials(kubeconfig("#!/bin/sh\nexec sleep 300\n"));
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> catchThrowableOfType(
                ProblemException.class, credentials::authorization));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> catchThrowableOfType(
                ProblemException.class, credentials::authorization));
        // Both callers get their answer: the second waits for the first's plugin, which is stopped at the timeout.
        CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);
        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
    }

    @Test
    void floodingPluginIsStoppedAtTheCap() throws Exception {
        Credentials credentials = credentials(kubeconfig("#!/bin/sh\nexec yes '{\"kind\":\"ExecCredential\"}'\n"));

        ProblemException e = catchThrowableOfType(ProblemException.class, credentials::authorization);

        assertThat(e.problem().title()).isEqualTo("Exec credential plugin '" + dir.resolve("plugin") + "' for "
                + "context slow (user u) printed more than 1024 KiB on stdout and was stopped (an ExecCredential is "
                + "a few KiB)");
    }

    @Test
    void chattyStderrDoesNotBlockThePluginAndStaysOutOfTheOneLine() throws Exception {
        Credentials credentials = credentials(kubeconfig("""
                #!/bin/sh
                head -c 3000000 /dev/zero | tr '\\0' 'x' >&2
                echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",\
                "status":{"token":"after-chatty-stderr-token"}}'
                """));
        assertThat(credentials.authorization()).isEqualTo("Bearer after-chatty-stderr-token");
    }
}
