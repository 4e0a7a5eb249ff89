package io.mirrorscope.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an exec credential plugin as kubectl does ({@code client.authentication.k8s.io/v1} and {@code v1beta1}):
 * the command is looked up on {@code PATH} unless it holds a path separator (then it was resolved against its
 * kubeconfig file), it gets the process environment plus the plugin's {@code env} and
 * {@code KUBERNETES_EXEC_INFO}, and it prints an {@code ExecCredential} with a token or a client certificate and
 * an optional {@code expirationTimestamp}. The result is cached until it expires; {@link #refresh()} runs the
 * plugin again (after a 401).
 */
final class ExecPlugin {

    /** What the plugin printed; {@code expiry} is null when it did not say. Secrets: never log these values. */
    record Output(String token, String clientCertificatePem, String clientKeyPem, Instant expiry) {
        @Override
        public String toString() {
            return "ExecCredential[token=" + (token != null) + ", cert=" + (clientCertificatePem != null)
                    + ", expiry=" + expiry + "]";
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ExecPlugin.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Run again slightly before the stated expiry so a request does not race it. */
    private static final Duration EARLY = Duration.ofSeconds(10);
    /** How long a plugin may run, as kubectl has no limit but a desktop app must not wait forever. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    /** Most an ExecCredential may be: a plugin that prints more is broken, and must not fill the heap. */
    static final int MAX_STDOUT = 1 << 20;
    /** Most of a plugin's stderr that is kept (for --debug); the rest is read and dropped. */
    static final int MAX_STDERR = 64 << 10;

    private final Kubeconfig.Exec exec;
    private final Kubeconfig.Cluster cluster;
    private final String contextName;
    private final String userName;
    private final boolean terminal;
    private final Clock clock;
    private final Duration timeout;
    private Output cached;
    private int runs;

    ExecPlugin(Kubeconfig.Exec exec, Kubeconfig.Cluster cluster, String contextName, String userName,
               boolean terminal, Clock clock, Duration timeout) {
        this.timeout = timeout;
        this.exec = exec;
        this.cluster = cluster;
        this.contextName = contextName;
        this.userName = userName;
        this.terminal = terminal;
        this.clock = clock;
    }

    /**
     * The cached credential while it is valid, else a fresh one. Synchronized so concurrent requests run the plugin
     * once; the lock is held at most for the timeout, as the plugin is stopped then.
     */
    synchronized Output current() {
        if (cached == null || (cached.expiry() != null && !clock.instant().isBefore(cached.expiry().minus(EARLY)))) {
            cached = run();
        }
        return cached;
    }

    /** Runs the plugin again regardless of the cache. */
    synchronized Output refresh() {
        cached = run();
        return cached;
    }

    synchronized int runs() {
        return runs;
    }

    /** Fails early, with the install hint, when the command cannot be found. */
    Path command() {
        String command = exec.command();
        if (command == null || command.isBlank()) {
            throw fail("has no command", null);
        }
        if (exec.interactiveMode() == null) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "interactiveMode must be specified for user "
                    + userName + " to use exec authentication plugin " + command, "apiVersion " + exec.apiVersion(),
                    "add interactiveMode: Never (or IfAvailable/Always) to users[].user.exec, as kubectl requires"));
        }
        if (command.contains(File.separator)) {
            Path p = Path.of(command);
            if (Files.isExecutable(p)) {
                return p;
            }
            throw notFound(command);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, command);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw notFound(command);
    }

    private Output run() {
        Path command = command();
        boolean interactive = switch (exec.interactiveMode()) {
            case "Never" -> false;
            case "Always" -> {
                if (!terminal) {
                    throw fail("needs an interactive terminal (interactiveMode: Always)",
                            "run `mirrorscope` once in a terminal or log in with the provider's own tool first");
                }
                yield true;
            }
            default -> terminal;
        };
        List<String> cmd = new ArrayList<>();
        cmd.add(command.toString());
        cmd.addAll(exec.args());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.putAll(exec.env());
        env.put("KUBERNETES_EXEC_INFO", execInfo(interactive));
        pb.redirectInput(interactive ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.from(nullFile()));
        pb.redirectError(interactive ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw fail("could not be started: " + e.getMessage(), null);
        }
        synchronized (this) {
            runs++;
        }
        // stdout and stderr are read on their own threads while this one waits with the timeout: reading stdout to
        // its end first would wait forever for a plugin that never ends (the timeout could not fire), and a plugin
        // that floods stdout is stopped at the cap instead of filling the heap.
        Capture out = new Capture(process.getInputStream(), MAX_STDOUT, () -> stop(process), "exec-plugin-stdout");
        Capture err = interactive ? null
                : new Capture(process.getErrorStream(), MAX_STDERR, null, "exec-plugin-stderr");
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw fail("was interrupted and stopped", null);
        }
        if (!finished) {
            stop(process);
        }
        byte[] stdout = out.bytes();
        String stderr = err == null ? "" : new String(err.bytes(), StandardCharsets.UTF_8).strip();
        if (out.overflowed()) {
            throw fail("printed more than " + MAX_STDOUT / 1024 + " KiB on stdout and was stopped (an "
                    + "ExecCredential is a few KiB)", "run the command by hand to see what it prints", stderr);
        }
        if (!finished) {
            throw fail("did not finish within " + seconds(timeout) + " and was stopped",
                    "run `" + commandLine() + "` by hand: a plugin that waits for a login (browser, device code, "
                            + "MFA) must be logged in first, e.g. with the provider's own login command", stderr);
        }
        int exit = process.exitValue();
        if (exit != 0) {
            throw fail("exited with " + exit, stderr.isEmpty() ? "run the command by hand to see what it says"
                    : "run again with --debug to see what it wrote on stderr, or run the command by hand", stderr);
        }
        Output output = parse(stdout);
        LOG.debug("exec plugin {} for user {} gave {}", command.getFileName(), userName, output);
        return output;
    }

    /** Kills the plugin and every process it started (a shell script's children would keep the pipes open). */
    private static void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private String commandLine() {
        return String.join(" ", exec.command() == null ? List.of() : List.of(exec.command()))
                + (exec.args().isEmpty() ? "" : " " + String.join(" ", exec.args()));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Reads one stream of the plugin on its own thread, keeping at most {@code cap} bytes. */
    private static final class Capture {
        /** How long to wait for a stream's end after the plugin ended (a leftover child may hold it open). */
        private static final Duration DRAIN = Duration.ofSeconds(2);

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int cap;
        private final Runnable onOverflow;
        private final Thread thread;
        private volatile boolean overflow;

        Capture(InputStream in, int cap, Runnable onOverflow, String name) {
            this.cap = cap;
            this.onOverflow = onOverflow;
            this.thread = Thread.ofPlatform().daemon().name(name).start(() -> pump(in));
        }

        private void pump(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (bytes) {
                        if (bytes.size() + n > cap) {
                            overflow = true;
                            if (onOverflow != null) {
                                onOverflow.run();
                                return;
                            }
                            continue; // keep draining so the plugin never blocks on a full pipe
                        }
                        bytes.write(buffer, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the plugin was stopped and its pipe closed under the read: what was read so far is the output
            }
        }

        byte[] bytes() {
            try {
                thread.join(DRAIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                return bytes.toByteArray();
            }
        }

        boolean overflowed() {
            return overflow;
        }
    }

    private Output parse(byte[] out) {
        JsonNode root;
        try {
            root = JSON.readTree(out);
        } catch (IOException e) {
            throw fail("printed something that is not an ExecCredential JSON document", null);
        }
        if (root == null || !"ExecCredential".equals(root.path("kind").asText())) {
            throw fail("printed something that is not an ExecCredential", null);
        }
        String apiVersion = root.path("apiVersion").asText();
        if (exec.apiVersion() != null && !exec.apiVersion().equals(apiVersion)) {
            throw fail("answered with apiVersion " + apiVersion + " but the kubeconfig asks for "
                    + exec.apiVersion(), null);
        }
        JsonNode status = root.path("status");
        String token = textOrNull(status, "token");
        String cert = textOrNull(status, "clientCertificateData");
        String key = textOrNull(status, "clientKeyData");
        if (token == null && (cert == null || key == null)) {
            throw fail("returned neither a token nor a client certificate and key", null);
        }
        Instant expiry = null;
        String ts = textOrNull(status, "expirationTimestamp");
        if (ts != null) {
            try {
                expiry = Instant.parse(ts);
            } catch (DateTimeParseException e) {
                throw fail("returned an unreadable expirationTimestamp '" + ts + "'", null);
            }
        }
        Secrets.bearerToken(token, "token from exec plugin '" + exec.command() + "' (context " + contextName
                + ", user " + userName + ")");
        Secrets.keyMaterial(key);
        return new Output(token, cert, key, expiry);
    }

    private String execInfo(boolean interactive) {
        ObjectNode info = JSON.createObjectNode();
        info.put("apiVersion", exec.apiVersion() == null ? "client.authentication.k8s.io/v1" : exec.apiVersion());
        info.put("kind", "ExecCredential");
        ObjectNode spec = info.putObject("spec");
        spec.put("interactive", interactive);
        if (exec.provideClusterInfo()) {
            ObjectNode c = spec.putObject("cluster");
            c.put("server", cluster.server());
            if (cluster.tlsServerName() != null) {
                c.put("tls-server-name", cluster.tlsServerName());
            }
            if (cluster.insecureSkipTlsVerify()) {
                c.put("insecure-skip-tls-verify", true);
            }
            String caData = cluster.certificateAuthorityData();
            if (caData == null && cluster.certificateAuthority() != null) {
                try {
                    caData = Base64.getEncoder().encodeToString(Files.readAllBytes(cluster.certificateAuthority()));
                } catch (IOException e) {
                    caData = null;
                }
            }
            if (caData != null) {
                c.put("certificate-authority-data", caData);
            }
            if (cluster.proxyUrl() != null) {
                c.put("proxy-url", cluster.proxyUrl());
            }
        }
        return info.toString();
    }

    private ProblemException notFound(String command) {
        String hint = exec.installHint() != null ? exec.installHint().strip()
                : "install it or fix users[].user.exec.command in the kubeconfig";
        return new ProblemException(Problem.of(Problem.Kind.CONNECTION,
                "Exec credential plugin '" + command + "' not found for context " + contextName + " (user "
                        + userName + ")", command.contains(File.separator) ? "no executable file at " + command
                        : "not on PATH", hint));
    }

    private ProblemException fail(String what, String hint) {
        return fail(what, hint, "");
    }

    /**
     * A failure of the plugin. Its stderr goes into the debug-only detail, never into the one line: plugins (and
     * kubectl) pass through what they print, and that can be a token.
     */
    private ProblemException fail(String what, String hint, String stderr) {
        Problem problem = Problem.of(Problem.Kind.CONNECTION,
                "Exec credential plugin '" + exec.command() + "' for context " + contextName + " (user " + userName
                        + ") " + what, "", hint == null ? "run the command by hand to see what it says" : hint);
        return new ProblemException(stderr == null || stderr.isBlank() ? problem
                : problem.withDebugDetail("stderr of the exec plugin:\n" + stderr));
    }

    private static String textOrNull(JsonNode n, String f) {
        JsonNode v = n.path(f);
        return v.isMissingNode() || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private static File nullFile() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }
}
