package io.mirrorscope.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one kubeconfig context: a fabric8 {@link KubernetesClient} (JDK HTTP client) whose every request
 * passes the {@link ReadOnlyGuard} and whose credentials come from {@link Credentials} (the one place that knows
 * kubeconfig authentication). Opening reads files and checks the exec command exists, but does no network I/O; the
 * first request does. Close it when switching context.
 */
public final class KubeSession implements AutoCloseable {

    /**
     * How the session may interact with the user.
     *
     * @param terminalAvailable whether exec plugins may prompt on the terminal
     * @param clock             for credential expiry
     * @param execTimeout       how long an exec credential plugin may run before it is stopped
     */
    public record Options(boolean terminalAvailable, Clock clock, Duration execTimeout) {
        /** Options with the default exec plugin timeout (120 s). */
        public Options(boolean terminalAvailable, Clock clock) {
            this(terminalAvailable, clock, ExecPlugin.DEFAULT_TIMEOUT);
        }

        /** These options with another exec plugin timeout (tests use a few seconds). */
        public Options withExecTimeout(Duration timeout) {
            return new Options(terminalAvailable, clock, timeout);
        }

        /** For the desktop app: no terminal, exec plugins with interactiveMode Always fail with a clear message. */
        public static Options desktop() {
            return new Options(false, Clock.systemUTC());
        }

        /** For the CLI: interactive exec plugins may prompt when stdin/stdout are a terminal. */
        public static Options cli() {
            java.io.Console console = System.console();
            return new Options(console != null && console.isTerminal(), Clock.systemUTC());
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(KubeSession.class);

    private final KubernetesClient client;
    private final String context;
    private final String namespace;
    private final String server;
    private final String userName;
    private final boolean insecure;
    private final ReadOnlyGuard guard;
    private final Credentials credentials;

    private KubeSession(KubernetesClient client, String context, String namespace, String server, String userName,
                        boolean insecure, ReadOnlyGuard guard, Credentials credentials) {
        this.client = client;
        this.context = context;
        this.namespace = namespace;
        this.server = server;
        this.userName = userName;
        this.insecure = insecure;
        this.guard = guard;
        this.credentials = credentials;
    }

    /**
     * Opens a session on the named context (or the current one) and namespace (or the context's, else
     * {@code default}).
     *
     * @throws ProblemException when the context cannot be resolved or its credential files cannot be read
     */
    public static KubeSession open(Kubeconfig kubeconfig, String contextOrNull, String namespaceOrNull) {
        return open(kubeconfig, contextOrNull, namespaceOrNull, Options.desktop());
    }

    /** As {@link #open(Kubeconfig, String, String)}, with explicit interaction options. */
    public static KubeSession open(Kubeconfig kubeconfig, String contextOrNull, String namespaceOrNull,
                                   Options options) {
        Kubeconfig.Resolved resolved = kubeconfig.resolve(contextOrNull);
        String namespace = namespaceOrNull != null && !namespaceOrNull.isBlank() ? namespaceOrNull
                : resolved.context().namespace() != null ? resolved.context().namespace() : "default";
        Kubeconfig.Cluster cluster = resolved.cluster();
        Credentials credentials = new Credentials(resolved, options.terminalAvailable(), options.clock(),
                options.execTimeout());
        ReadOnlyGuard guard = new ReadOnlyGuard();
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(cluster.server())
                .withNamespace(namespace)
                .withCurrentContext(null)
                .withConnectionTimeout(10_000)
                .withRequestTimeout(30_000)
                .withRequestRetryBackoffLimit(1)
                .withRequestRetryBackoffInterval(200)
                .build();
        InetSocketAddress proxy = Proxies.choose(cluster, System.getenv());
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory())
                .withHttpClientBuilderConsumer(builder -> {
                    builder.sslContext(credentials.keyManagers(), credentials.trustManagers());
                    if (cluster.server().regionMatches(true, 0, "http://", 0, 7)) {
                        // plain HTTP (kubectl proxy, a local test server): HTTP/1.1 as kubectl speaks it; the JDK
                        // client's h2c upgrade otherwise left later requests hanging until their timeout
                        builder.preferHttp11();
                    }
                    if (proxy != null) {
                        builder.proxyType(HttpClient.ProxyType.HTTP);
                        builder.proxyAddress(proxy);
                    }
                    builder.addOrReplaceInterceptor(Credentials.NAME, credentials);
                    builder.addOrReplaceInterceptor(ReadOnlyGuard.NAME, guard);
                })
                .build();
        String userName = resolved.user() == null ? null : resolved.user().name();
        LOG.info("Session on context {} ({} as {}), namespace {}{}", resolved.context().name(), cluster.server(),
                userName, namespace, cluster.insecureSkipTlsVerify() ? ", TLS NOT VERIFIED" : "");
        return new KubeSession(client, resolved.context().name(), namespace, cluster.server(), userName,
                cluster.insecureSkipTlsVerify(), guard, credentials);
    }

    /** The guarded client; every request it sends passes {@link #guard()}. */
    public KubernetesClient client() {
        return client;
    }

    /** The context's name. */
    public String context() {
        return context;
    }

    /** The namespace in use: the one asked for, else the context's, else {@code default}. */
    public String namespace() {
        return namespace;
    }

    /** The API server URL. */
    public String server() {
        return server;
    }

    /** The kubeconfig user's name, or null for an anonymous context. */
    public String user() {
        return userName;
    }

    /** True when the cluster sets {@code insecure-skip-tls-verify} (the UI shows a warning badge). */
    public boolean insecure() {
        return insecure;
    }

    /** The session's read-only guard. */
    public ReadOnlyGuard guard() {
        return guard;
    }

    /** How often the credentials were reloaded after a 401 (diagnostics and tests). */
    public int credentialReloads() {
        return credentials.reloads();
    }

    /** Turns a failure of this session's client into the one {@link Problem} a user should see. */
    public Problem problem(Throwable failure) {
        return KubeErrors.problem(failure, context, userName, server);
    }

    @Override
    public void close() {
        client.close();
    }
}
