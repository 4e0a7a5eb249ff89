package io.mirrorscope.cli;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.MirrorLink;
import io.mirrorscope.core.inventory.TopicNaming;
import io.mirrorscope.core.inventory.TopologyEdge;
import io.mirrorscope.core.mirror.Pairing;
import io.mirrorscope.core.mirror.TopicMapping;
import io.mirrorscope.core.records.TimeSpec;
import io.mirrorscope.kafka.BrokerProbe;
import io.mirrorscope.kafka.ClusterAccess;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.ManualConnection;
import io.mirrorscope.kafka.SecurityProtocol;
import io.mirrorscope.kafka.compare.CompareRequest;
import io.mirrorscope.kafka.compare.CompareResult;
import io.mirrorscope.kafka.compare.MirrorCompare;
import io.mirrorscope.kafka.compare.OffsetSyncReader;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.inventory.InventoryReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options and the run of a compare, shared as a picocli mixin by {@code mirrorscope compare} and
 * {@code mirrorscope snapshot} (which compares a window and keeps what it read): which mirror link or which
 * brokers, which topic, the window, the pairing, and how to reach the brokers.
 */
public final class CompareOptions {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    @Option(names = "--mirror", paramLabel = "NAME",
            description = "KafkaMirrorMaker2 / KafkaMirrorMaker / KafkaConnector whose link to compare.")
    String mirror;

    @Option(names = "--link", paramLabel = "N", defaultValue = "0",
            description = "Which of the mirror's links (mirrors[] entry), from 0 (default: ${DEFAULT-VALUE}).")
    int link;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Source topic.")
    String topic;

    @Option(names = "--target-topic", paramLabel = "TOPIC",
            description = "Target topic (default: from the mirror's naming, or --policy).")
    String targetTopic;

    /** Replication policies a user can name. */
    enum Policy { identity, DEFAULT }

    @Option(names = "--policy", paramLabel = "P", converter = PolicyConverter.class,
            description = "identity (names kept) or default (<alias><separator><topic>; needs --source-alias).")
    Policy policy;

    @Option(names = "--source-alias", paramLabel = "A", description = "MM2 alias of the source cluster.")
    String sourceAlias;

    @Option(names = "--separator", paramLabel = "S", description = "replication.policy.separator (default: \".\").")
    String separator;

    @ArgGroup(exclusive = true)
    Start start;

    /** The start of --from in epoch ms once the request is built; -1 for from the beginning. */
    long fromMillis = -1;

    static final class Start {
        @Option(names = "--from", paramLabel = "TIME",
                description = "Both sides from TIME (ISO time, epoch ms, or ago: 15m, 2h, 1d).")
        String from;
        @Option(names = "--from-beginning", description = "Both sides from the first offset still there (default).")
        boolean fromBeginning;
    }

    @ArgGroup(exclusive = true)
    Bound bound;

    static final class Bound {
        @Option(names = "--records", paramLabel = "N", description = "Read at most N source records.")
        Long records;
        @Option(names = "--duration", paramLabel = "D",
                description = "Follow both sides for D (e.g. 30s, 5m); uncopied records at the end are pending.")
        String duration;
    }

    @Option(names = "--grace", paramLabel = "D", defaultValue = "30s",
            description = "How long a copy may take before its absence counts (default: ${DEFAULT-VALUE}).")
    String grace;

    @Option(names = "--window", paramLabel = "N", defaultValue = "200000",
            description = "Source records kept in memory (default: ${DEFAULT-VALUE}); older pairs are counted only.")
    int window;

    @Option(names = "--pairing", paramLabel = "P", converter = PairingConverter.class,
            description = "Force a pairing: order, offset-syncs, headers, key (default: chosen from what is there).")
    Pairing pairing;

    @Option(names = "--offset-syncs-topic", paramLabel = "TOPIC",
            description = "MM2's offset-syncs topic (default with --mirror: mm2-offset-syncs.<target alias>.internal; "
                    + "'none' to skip).")
    String offsetSyncsTopic;

    @Option(names = "--offset-syncs-on-target",
            description = "The offset-syncs topic is on the target (offset-syncs.topic.location=target).")
    boolean offsetSyncsOnTarget;

    @Option(names = "--source-partition-header", paramLabel = "H",
            description = "Header on each copy naming its source partition (with --source-offset-header).")
    String sourcePartitionHeader;

    @Option(names = "--source-offset-header", paramLabel = "H", description = "Header naming the source offset.")
    String sourceOffsetHeader;

    @Option(names = "--tunnel", paramLabel = "MODE", defaultValue = "auto",
            description = "With --mirror: port-forward brokers through the Kubernetes API: auto, always, never.")
    RecordsCommand.TunnelMode tunnel;

    @Option(names = "--isolation", paramLabel = "LEVEL", defaultValue = "READ_COMMITTED",
            description = "read_committed (default) or read_uncommitted.")
    ConsumerOptions.Isolation isolation;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long metadata and offset requests may take (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--source-bootstrap", paramLabel = "HOST:PORT", description = "Source brokers (by hand).")
    String sourceBootstrap;
    @Option(names = "--source-security-protocol", paramLabel = "P", description = "Source security protocol.")
    SecurityProtocol sourceProtocol;
    @Option(names = "--source-ca", paramLabel = "FILE", description = "PEM CA of the source.")
    Path sourceCa;
    @Option(names = "--source-cert", paramLabel = "FILE", description = "PEM client certificate for the source.")
    Path sourceCert;
    @Option(names = "--source-key", paramLabel = "FILE", description = "PEM client key for the source.")
    Path sourceKey;
    @Option(names = "--source-sasl-mechanism", paramLabel = "M", description = "Source SASL mechanism.")
    String sourceSaslMechanism;
    @Option(names = "--source-sasl-username", paramLabel = "USER", description = "Source SASL user.")
    String sourceSaslUsername;
    @Option(names = "--source-sasl-password-file", paramLabel = "FILE", description = "Source SASL password file.")
    Path sourceSaslPasswordFile;

    @Option(names = "--target-bootstrap", paramLabel = "HOST:PORT", description = "Target brokers (by hand).")
    String targetBootstrap;
    @Option(names = "--target-security-protocol", paramLabel = "P", description = "Target security protocol.")
    SecurityProtocol targetProtocol;
    @Option(names = "--target-ca", paramLabel = "FILE", description = "PEM CA of the target.")
    Path targetCa;
    @Option(names = "--target-cert", paramLabel = "FILE", description = "PEM client certificate for the target.")
    Path targetCert;
    @Option(names = "--target-key", paramLabel = "FILE", description = "PEM client key for the target.")
    Path targetKey;
    @Option(names = "--target-sasl-mechanism", paramLabel = "M", description = "Target SASL mechanism.")
    String targetSaslMechanism;
    @Option(names = "--target-sasl-username", paramLabel = "USER", description = "Target SASL user.")
    String targetSaslUsername;
    @Option(names = "--target-sasl-password-file", paramLabel = "FILE", description = "Target SASL password file.")
    Path targetSaslPasswordFile;

    /** What a caller adds to a run: a tap on the records read and how many pairs the final snapshot keeps. */
    record Hooks(MirrorCompare.RecordTap tap, int keepPairs) {
        static final Hooks NONE = new Hooks(null, 0);
    }

    /** The mirror link compared and the run's outcome (the mirror is null for a compare by hand). */
    record Outcome(String mirror, int link, CompareResult result) {
    }

    /** True when brokers are given by hand (--source-bootstrap / --target-bootstrap). */
    boolean manual() {
        return sourceBootstrap != null || targetBootstrap != null;
    }

    /** Checks the flags that go together; usage problems otherwise. */
    void validate() {
        if (topic == null) {
            throw usage("Missing required option: '--topic=TOPIC'", "Name the source topic");
        }
        if (manual() == (mirror != null)) {
            throw usage("Give either --mirror NAME, or --source-bootstrap and --target-bootstrap", "See --help");
        }
        if ((sourcePartitionHeader == null) != (sourceOffsetHeader == null)) {
            throw usage("--source-partition-header and --source-offset-header go together", "Give both");
        }
    }

    /** Runs the compare: by hand, or through Kubernetes with a fresh session and inventory. */
    CompareResult run(GlobalOptions globals, Hooks hooks) {
        validate();
        if (manual()) {
            if (sourceBootstrap == null || targetBootstrap == null) {
                throw usage("Give both --source-bootstrap and --target-bootstrap", "See --help");
            }
            ConnectionSettings src = new ManualConnection(sourceBootstrap, sourceProtocol, sourceCa, sourceCert,
                    sourceKey, sourceSaslMechanism, sourceSaslUsername, sourceSaslPasswordFile).toSettings();
            ConnectionSettings tgt = new ManualConnection(targetBootstrap, targetProtocol, targetCa, targetCert,
                    targetKey, targetSaslMechanism, targetSaslUsername, targetSaslPasswordFile).toSettings();
            TopicMapping mapping = TopicMapping.of(naming(null, null), topic, targetTopic);
            String syncs = "none".equals(offsetSyncsTopic) ? null : offsetSyncsTopic;
            return compare(src, tgt, request(mapping, syncs), hooks);
        }
        try (KubeSession session = Sessions.open(globals)) {
            String namespace = session.namespace() != null ? session.namespace() : "default";
            Inventory inventory = new InventoryReader(session.client()).read(session.context(), List.of(namespace));
            return onMirror(session, inventory, hooks).result();
        }
    }

    /** Compares {@code --mirror}'s link, found in {@code inventory}, through {@code session}. */
    Outcome onMirror(KubeSession session, Inventory inventory, Hooks hooks) {
        validate();
        String namespace = session.namespace() != null ? session.namespace() : "default";
        Mirror m = inventory.mirrors().stream().filter(x -> x.name().equals(mirror)).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "No mirror " + mirror
                        + " in namespace " + namespace, "", "List them with: mirrorscope inventory")));
        if (link < 0 || link >= m.links().size()) {
            throw usage("Mirror " + mirror + " has " + m.links().size() + " link(s); --link " + link
                    + " does not exist", "Use --link 0 to " + (m.links().size() - 1));
        }
        MirrorLink l = m.links().get(link);
        TopologyEdge edge = inventory.topology().edgesOf(m).stream().filter(e -> e.link().equals(l)).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.of(Problem.Kind.NOT_FOUND,
                        "Link " + link + " of " + mirror + " is not in the topology", "", "")));
        if (edge.source().external() || edge.target().external()) {
            String which = edge.source().external() ? "source " + edge.source().name()
                    : "target " + edge.target().name();
            throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "The " + which + " of " + mirror
                            + " is not a Kafka resource in namespace " + namespace,
                    "MirrorScope reaches only Strimzi clusters it can read through Kubernetes",
                    "Use --source-bootstrap/--target-bootstrap for clusters outside"));
        }
        TopicMapping mapping = TopicMapping.of(naming(l.naming(), l.sourceAlias()), topic, targetTopic);
        String syncs = offsetSyncsTopic != null ? ("none".equals(offsetSyncsTopic) ? null : offsetSyncsTopic)
                : l.targetAlias() == null ? null : OffsetSyncReader.topicFor(l.targetAlias());
        ClusterAccess.TunnelMode mode = ClusterAccess.TunnelMode.valueOf(tunnel.name().toUpperCase(Locale.ROOT));
        try (ClusterAccess.Connection src = ClusterAccess.open(session.client(), new ClusterAccess.Target(
                edge.source().namespace(), edge.source().name(), mapping.sourceTopic(), null, null, mode));
                ClusterAccess.Connection tgt = ClusterAccess.open(session.client(), new ClusterAccess.Target(
                        edge.target().namespace(), edge.target().name(), mapping.targetTopic(), null, null,
                        mode))) {
            return new Outcome(mirror, link, compare(src.settings(), tgt.settings(), request(mapping, syncs),
                    hooks));
        }
    }

    /** The link's naming, unless --policy names one. */
    private TopicNaming naming(TopicNaming fromLink, String linkAlias) {
        if (policy == Policy.identity) {
            return TopicNaming.identity();
        }
        if (policy == Policy.DEFAULT) {
            String alias = sourceAlias != null ? sourceAlias : linkAlias;
            if (alias == null) {
                throw usage("--policy default needs --source-alias", "The alias MM2 gives the source cluster");
            }
            return TopicNaming.mirrorMaker2(null, alias, separator);
        }
        if (fromLink != null) {
            return fromLink;
        }
        if (sourceAlias != null) {
            return TopicNaming.mirrorMaker2(null, sourceAlias, separator);
        }
        return TopicNaming.identity();
    }

    private CompareRequest request(TopicMapping mapping, String syncsTopic) {
        Duration graceDuration = duration("--grace", grace);
        CompareRequest r = CompareRequest.of(mapping).withGrace(graceDuration).withPairing(pairing)
                .withOffsetSyncs(syncsTopic, offsetSyncsOnTarget)
                .withSourceHeaders(sourcePartitionHeader, sourceOffsetHeader);
        try {
            r = r.withWindow(window);
        } catch (IllegalArgumentException e) {
            throw usage("--window must be positive", "");
        }
        if (start != null && start.from != null) {
            try {
                long at = TimeSpec.parse(start.from, Instant.now(), ZoneId.systemDefault());
                fromMillis = at;
                r = r.withStart(MirrorCompare.startAt(at));
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage(), "See --help");
            }
        }
        if (bound != null && bound.records != null) {
            if (bound.records <= 0) {
                throw usage("--records must be positive", "");
            }
            r = r.withMaxRecords(bound.records);
        }
        if (bound != null && bound.duration != null) {
            r = r.withDuration(duration("--duration", bound.duration));
        }
        return r;
    }

    private CompareResult compare(ConnectionSettings src, ConnectionSettings tgt, CompareRequest request,
                                  Hooks hooks) {
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        Duration probe = Duration.ofMillis(Math.min(timeout.toMillis(), 10_000));
        BrokerProbe.requireReachable(src, probe);
        BrokerProbe.requireReachable(tgt, probe);
        ConsumerOptions options = ConsumerOptions.DEFAULTS.withIsolation(isolation).withApiTimeout(timeout);
        MirrorCompare run = new MirrorCompare(src, tgt, options, request, Clock.systemUTC()).tap(hooks.tap())
                .keepPairs(hooks.keepPairs());
        Thread stopOnInterrupt = new Thread(run::stop, "mirrorscope-compare-stop");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            return run.run(snapshot -> { });
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stopped the run, whose result is printed
            }
        }
    }

    static Duration duration(String flag, String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw usage(flag + " '" + text + "' is not a duration", "Use e.g. 500ms, 30s, 5m, 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    static ProblemException usage(String title, String hint) {
        return new ProblemException(Problem.of(Problem.Kind.USAGE, title, "", hint));
    }

    /** identity | default, case-insensitive. */
    static final class PolicyConverter implements picocli.CommandLine.ITypeConverter<Policy> {
        @Override
        public Policy convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "identity" -> Policy.identity;
                case "default" -> Policy.DEFAULT;
                default -> throw new picocli.CommandLine.TypeConversionException("use identity or default");
            };
        }
    }

    /** order | offset-syncs | headers | key. */
    static final class PairingConverter implements picocli.CommandLine.ITypeConverter<Pairing> {
        @Override
        public Pairing convert(String value) {
            for (Pairing p : Pairing.values()) {
                if (p.label().equalsIgnoreCase(value.strip())) {
                    return p;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("use order, offset-syncs, headers or key");
        }
    }
}
