package io.mirrorscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.health.HealthReport;
import io.mirrorscope.core.health.HealthSettings;
import io.mirrorscope.core.health.HealthSnapshot;
import io.mirrorscope.core.health.LinkSpec;
import io.mirrorscope.core.health.RecordChanges;
import io.mirrorscope.core.health.Verdict;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.TopicNaming;
import io.mirrorscope.kafka.ClusterAccess;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ManualConnection;
import io.mirrorscope.kafka.SecurityProtocol;
import io.mirrorscope.kafka.health.HealthMonitor;
import io.mirrorscope.kafka.health.MirrorHealthLinks;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import io.mirrorscope.kube.inventory.InventoryReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mirrorscope health}: what the data says about a mirror's links — both clusters answer, the target keeps
 * up, heartbeats are fresh, checkpoints, coverage, config drift and what the mirror does to records. Watches for a
 * few rounds (rates and trends need more than one sample), prints the last, and exits 1 when a link is degraded or
 * failing. With {@code --mirror} the mirror, its clusters and their credentials come from Kubernetes (GET only, as
 * for {@code records}); otherwise from the flags.
 */
@Command(name = "health", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Health of a mirror's links from the data: reachability, end-offset gap and rates, "
                + "heartbeats, checkpoints, coverage, config drift, transforms.",
            "Exit 0 when every link is ok, 1 when one is degraded or failing."},
        footer = {"", "Either --mirror NAME (a KafkaMirrorMaker2 or MirrorSourceConnector in the namespace), or "
                + "--source-bootstrap, --target-bootstrap, --source-alias and --topics.",
            "Connection flags per side: --source-ca, --source-cert, --source-key, --source-sasl-*, "
                + "--source-security-protocol (and --target-…), as for 'records'.",
            "Offset syncs are read from mm2-offset-syncs.<target alias>.internal (source, or target by config)."})
public final class HealthCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @ParentCommand
    MirrorScopeCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--mirror", paramLabel = "NAME", description = "KafkaMirrorMaker2 or KafkaConnector to check.")
    String mirror;

    @Option(names = "--source-bootstrap", paramLabel = "HOST:PORT", description = "Source brokers (manual).")
    String sourceBootstrap;

    @Option(names = "--target-bootstrap", paramLabel = "HOST:PORT", description = "Target brokers (manual).")
    String targetBootstrap;

    @Option(names = "--source-alias", paramLabel = "A", description = "MM2 alias of the source (manual).")
    String sourceAlias;

    @Option(names = "--target-alias", paramLabel = "B", defaultValue = "target",
            description = "MM2 alias of the target (default: ${DEFAULT-VALUE}).")
    String targetAlias;

    @Option(names = "--topics", paramLabel = "REGEX", description = "Topics the mirror replicates (manual).")
    String topics;

    @Option(names = "--topics-exclude", paramLabel = "REGEX", description = "Topics it excludes (manual).")
    String topicsExclude;

    @Option(names = "--groups", paramLabel = "REGEX", description = "Consumer groups whose checkpoints to show.")
    String groups;

    /** MM2's two replication policies. */
    enum Policy { DEFAULT, IDENTITY }

    @Option(names = "--policy", paramLabel = "P", defaultValue = "default",
            description = "default (<alias><sep><topic>) or identity (names kept) (manual).")
    Policy policy;

    @Option(names = "--separator", paramLabel = "S", defaultValue = ".",
            description = "replication.policy.separator (default: ${DEFAULT-VALUE}) (manual).")
    String separator;

    @Option(names = "--mm2-config", paramLabel = "FILE",
            description = "A dedicated MirrorMaker 2 properties file or a connector config (manual): its transforms, "
                    + "filters and exclusions are shown.")
    Path mm2Config;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "6",
            description = "Rounds of reads before judging (default: ${DEFAULT-VALUE}; rates need 2, trends 5).")
    int rounds;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "Seconds between rounds (default: ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long one request may take (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--user", paramLabel = "KAFKAUSER", description = "KafkaUser to act as (with --mirror).")
    String user;

    @Option(names = "--listener", paramLabel = "NAME", description = "Listener to use (with --mirror).")
    String listener;

    @Option(names = "--tunnel", paramLabel = "MODE", defaultValue = "AUTO",
            description = "Port-forward to brokers: auto (default), always, never (with --mirror).")
    ClusterAccess.TunnelMode tunnel;

    @Option(names = "--source-security-protocol", paramLabel = "P", hidden = true)
    SecurityProtocol sourceProtocol;
    @Option(names = "--source-ca", paramLabel = "FILE", hidden = true)
    Path sourceCa;
    @Option(names = "--source-cert", paramLabel = "FILE", hidden = true)
    Path sourceCert;
    @Option(names = "--source-key", paramLabel = "FILE", hidden = true)
    Path sourceKey;
    @Option(names = "--source-sasl-mechanism", paramLabel = "M", hidden = true)
    String sourceSaslMechanism;
    @Option(names = "--source-sasl-username", paramLabel = "USER", hidden = true)
    String sourceSaslUsername;
    @Option(names = "--source-sasl-password-file", paramLabel = "FILE", hidden = true)
    Path sourceSaslPasswordFile;
    @Option(names = "--target-security-protocol", paramLabel = "P", hidden = true)
    SecurityProtocol targetProtocol;
    @Option(names = "--target-ca", paramLabel = "FILE", hidden = true)
    Path targetCa;
    @Option(names = "--target-cert", paramLabel = "FILE", hidden = true)
    Path targetCert;
    @Option(names = "--target-key", paramLabel = "FILE", hidden = true)
    Path targetKey;
    @Option(names = "--target-sasl-mechanism", paramLabel = "M", hidden = true)
    String targetSaslMechanism;
    @Option(names = "--target-sasl-username", paramLabel = "USER", hidden = true)
    String targetSaslUsername;
    @Option(names = "--target-sasl-password-file", paramLabel = "FILE", hidden = true)
    Path targetSaslPasswordFile;

    @Override
    public Integer call() {
        boolean manual = sourceBootstrap != null || targetBootstrap != null;
        if ((mirror == null) == !manual) {
            throw usage("Give either --mirror NAME or --source-bootstrap and --target-bootstrap");
        }
        if (rounds < 1 || intervalSeconds < 0) {
            throw usage("--rounds must be 1 or more and --interval not negative");
        }
        if (manual) {
            if (sourceBootstrap == null || targetBootstrap == null || sourceAlias == null || topics == null) {
                throw usage("Manual mode needs --source-bootstrap, --target-bootstrap, --source-alias and --topics");
            }
            ConnectionSettings source = new ManualConnection(sourceBootstrap, sourceProtocol, sourceCa, sourceCert,
                    sourceKey, sourceSaslMechanism, sourceSaslUsername, sourceSaslPasswordFile).toSettings();
            ConnectionSettings target = new ManualConnection(targetBootstrap, targetProtocol, targetCa, targetCert,
                    targetKey, targetSaslMechanism, targetSaslUsername, targetSaslPasswordFile).toSettings();
            return watch(List.of(new HealthMonitor.Link(manualSpec(), source, target)));
        }
        GlobalOptions g = parent.globals();
        try (KubeSession session = KubeSession.open(Kubeconfig.load(g.kubeconfig()), g.context(), g.namespace(),
                KubeSession.Options.cli())) {
            String namespace = session.namespace() != null ? session.namespace() : "default";
            Inventory inventory = new InventoryReader(session.client()).read(session.context(), List.of(namespace));
            return print(measure(session, inventory, mirror, new MirrorHealthLinks.Access(groups, user, listener,
                    tunnel), rounds, interval(), timeout()));
        }
    }

    /**
     * {@code rounds} health reads of every link of mirror {@code mirrorName}, found in {@code inventory}, through
     * {@code session}; the last reading. Shared with {@code mirrorscope snapshot --health-rounds}.
     */
    static HealthSnapshot measure(KubeSession session, Inventory inventory, String mirrorName,
                                  MirrorHealthLinks.Access access, int rounds, Duration interval, Duration timeout) {
        String namespace = session.namespace() != null ? session.namespace() : "default";
        Mirror m = inventory.mirrors().stream().filter(x -> x.name().equals(mirrorName)).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "No mirror " + mirrorName
                        + " in namespace " + namespace, "", "List them with 'mirrorscope inventory'")));
        try (MirrorHealthLinks links = MirrorHealthLinks.open(session.client(), inventory, m, access)) {
            return monitor(links.links(), rounds, interval, timeout);
        }
    }

    private LinkSpec manualSpec() {
        Map<String, String> config = Map.of();
        if (mm2Config != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(mm2Config, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ProblemException(new Problem(Problem.Kind.USAGE, "Cannot read " + mm2Config, e.toString(),
                        "Check the path", e));
            }
            Map<String, String> all = new LinkedHashMap<>();
            p.stringPropertyNames().forEach(k -> all.put(k, p.getProperty(k)));
            config = RecordChanges.flowConfig(all, sourceAlias, targetAlias);
        }
        TopicNaming naming = policy == Policy.IDENTITY
                ? TopicNaming.mirrorMaker2("org.apache.kafka.connect.mirror.IdentityReplicationPolicy", sourceAlias,
                        separator)
                : TopicNaming.mirrorMaker2(null, sourceAlias, separator);
        String exclude = topicsExclude != null ? topicsExclude
                : config.getOrDefault("topics.exclude", config.get("topics.blacklist"));
        return new LinkSpec(null, sourceAlias, sourceBootstrap, targetAlias, targetBootstrap, topics, exclude,
                groups, naming, separator, config, Health.UNKNOWN);
    }

    private int watch(List<HealthMonitor.Link> links) {
        return print(monitor(links, rounds, interval(), timeout()));
    }

    private Duration interval() {
        return Duration.ofMillis(Math.round(intervalSeconds * 1000));
    }

    private Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    /** {@code rounds} reads, {@code interval} apart; the last one. */
    static HealthSnapshot monitor(List<HealthMonitor.Link> links, int rounds, Duration interval, Duration timeout) {
        HealthSettings settings = HealthSettings.DEFAULTS.withTrendSamples(Math.max(2, Math.min(5, rounds)));
        HealthMonitor.Options options = new HealthMonitor.Options(interval, timeout, Duration.ofDays(1), settings);
        HealthSnapshot last = null;
        try (HealthMonitor monitor = new HealthMonitor(links, options, null)) {
            for (int i = 0; i < rounds; i++) {
                if (i > 0) {
                    sleep(interval);
                }
                last = monitor.refresh();
            }
        }
        return last;
    }

    private int print(HealthSnapshot last) {
        PrintWriter out = spec.commandLine().getOut();
        if (parent.globals().output() == OutputFormat.json) {
            try {
                out.println(JSON.writeValueAsString(HealthReport.tree(last)));
            } catch (JsonProcessingException e) {
                throw new ProblemException(new Problem(Problem.Kind.INTERNAL, "Cannot write health as JSON",
                        e.getOriginalMessage(), "", e));
            }
        } else {
            out.print(HealthReport.table(last));
        }
        out.flush();
        return last.worst() == Verdict.OK ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.of(Problem.Kind.INTERNAL, "Interrupted", "", ""));
        }
    }

    private static ProblemException usage(String title) {
        return new ProblemException(Problem.of(Problem.Kind.USAGE, title, "", "See 'mirrorscope health --help'"));
    }
}
