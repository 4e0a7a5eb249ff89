package io.mirrorscope.cli;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.TerminalText;
import io.mirrorscope.core.records.DecodedRecord;
import io.mirrorscope.core.records.DecodedValue;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordDecoder;
import io.mirrorscope.core.records.SeekPlan;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.core.records.TimeSpec;
import io.mirrorscope.kafka.BrokerProbe;
import io.mirrorscope.kafka.ClusterAccess;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.ManualConnection;
import io.mirrorscope.kafka.PartitionTailer;
import io.mirrorscope.kafka.RateLimit;
import io.mirrorscope.kafka.ReadOnlyClients;
import io.mirrorscope.kafka.ReadRequest;
import io.mirrorscope.kafka.RecordSink;
import io.mirrorscope.kafka.SecurityProtocol;
import io.mirrorscope.kafka.TailHealth;
import io.mirrorscope.kube.KubeSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mirrorscope records}: kcat for Strimzi. With {@code --cluster} it finds the listener, CA and KafkaUser
 * credentials in the cluster (GET only) and prints records; with {@code --bootstrap} it takes the connection from
 * flags. Reads with assign/seek only: no group, no commits.
 */
@Command(name = "records", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print records of a topic, read-only (no consumer group, no commits).",
            "Finds listener, CA and KafkaUser credentials in the cluster with --cluster, "
                + "or takes them from --bootstrap and the connection flags."},
        footer = {"", "Without --follow it stops after --limit records or at the end offsets taken when it started; "
                + "a read cut short by --limit says so on stderr. --follow runs until interrupted (Ctrl+C).",
            "Start: --from-beginning (default), --from TIME, --offset O, --last N; with --follow and no start, "
                + "the end.",
            "JSON output (-o json): one object per line: partition, offset, timestamp, timestampType, key, value, "
                + "headers, keyEncoding, valueEncoding (utf8 | base64 | null)."})
public final class RecordsCommand implements Callable<Integer> {

    @ParentCommand
    MirrorScopeCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Strimzi Kafka resource to read from.")
    String cluster;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Topic to read.")
    String topic;

    @Option(names = "--user", paramLabel = "KAFKAUSER",
            description = "KafkaUser to act as (default: one whose ACLs allow Read and Describe on the topic).")
    String user;

    @Option(names = "--listener", paramLabel = "NAME",
            description = "Listener to use (default: an external one: route, loadbalancer, nodeport, ingress).")
    String listener;

    @Option(names = "--partition", paramLabel = "P", split = ",", description = "Partition(s) to read (default: all).")
    List<Integer> partitions = List.of();

    @ArgGroup(exclusive = true)
    Start start;

    static final class Start {
        @Option(names = "--from", paramLabel = "TIME",
                description = "First record at or after TIME (ISO time, epoch ms, or ago: 15m, 2h, 1d).")
        String from;
        @Option(names = "--from-beginning", description = "From the first offset still on the broker.")
        boolean fromBeginning;
        @Option(names = "--offset", paramLabel = "O", description = "From offset O in each partition (clamped).")
        Long offset;
        @Option(names = "--last", paramLabel = "N", description = "The last N records of each partition.")
        Integer last;
    }

    /** The limit of a bounded read without --limit and --last. */
    static final int DEFAULT_LIMIT = 100;

    @Option(names = "--limit", paramLabel = "N",
            description = "Stop after N records; 0 for no limit (default: " + DEFAULT_LIMIT + "; with --follow or "
                    + "--last N: no limit, --last bounds the read).")
    Integer limit;

    @Option(names = "--follow", description = "Keep printing new records until interrupted.")
    boolean follow;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "0",
            description = "Take in at most N records per second (default: no limit), to spare busy brokers.")
    double rateLimit;

    /** When to reach the brokers through port-forward tunnels. */
    enum TunnelMode { auto, always, never }

    @Option(names = "--tunnel", paramLabel = "MODE", defaultValue = "auto",
            description = "Port-forward each broker through the Kubernetes API: auto (default: when the listener is "
                    + "internal and its brokers cannot be reached directly), always, never.")
    TunnelMode tunnel;

    @Option(names = "--isolation", paramLabel = "LEVEL", defaultValue = "READ_COMMITTED",
            description = "read_committed (default) or read_uncommitted.")
    ConsumerOptions.Isolation isolation;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long metadata and offset requests may take (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Connect to these brokers directly.")
    String bootstrap;

    @Option(names = "--security-protocol", paramLabel = "P",
            description = "PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL (default: from the other flags).")
    SecurityProtocol securityProtocol;

    @Option(names = "--ca", paramLabel = "FILE", description = "PEM CA certificate(s) to trust.")
    Path ca;

    @Option(names = "--cert", paramLabel = "FILE", description = "PEM client certificate (with --key).")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE", description = "PEM client key, PKCS#8 or PKCS#1.")
    Path key;

    @Option(names = "--sasl-mechanism", paramLabel = "M",
            description = "SCRAM-SHA-512 (default), SCRAM-SHA-256, PLAIN.")
    String saslMechanism;

    @Option(names = "--sasl-username", paramLabel = "USER", description = "SASL user name.")
    String saslUsername;

    @Option(names = "--sasl-password-file", paramLabel = "FILE", description = "File holding the SASL password.")
    Path saslPasswordFile;

    @Override
    public Integer call() {
        GlobalOptions globals = parent.globals();
        effectiveLimit();  // a bad --limit is a usage error before any connection
        if ((cluster == null) == (bootstrap == null)) {
            throw usage("Give either --cluster (Strimzi) or --bootstrap (manual connection)", "See --help");
        }
        if (bootstrap != null) {
            return read(globals, new ManualConnection(bootstrap, securityProtocol, ca, cert, key, saslMechanism,
                    saslUsername, saslPasswordFile).toSettings());
        }
        if (ca != null || cert != null || key != null || saslMechanism != null || saslUsername != null
                || saslPasswordFile != null || securityProtocol != null) {
            throw usage("--ca, --cert, --key and --sasl-* go with --bootstrap", "With --cluster they come from "
                    + "the cluster's secrets");
        }
        try (KubeSession session = Sessions.open(globals)) {
            String namespace = session.namespace() != null ? session.namespace() : "default";
            ClusterAccess.Target target = new ClusterAccess.Target(namespace, cluster, topic, user, listener,
                    ClusterAccess.TunnelMode.valueOf(tunnel.name().toUpperCase(Locale.ROOT)));
            try (ClusterAccess.Connection connection = ClusterAccess.open(session.client(), target)) {
                return read(globals, connection.settings());
            }
        }
    }

    /**
     * The number of records to stop after, 0 for none: --limit when given; else none for --follow (it means until
     * interrupted) and for --last (N per partition bounds the read, whatever the partition count); else 100.
     */
    int effectiveLimit() {
        if (limit != null) {
            if (limit < 0) {
                throw usage("--limit must be 0 (no limit) or more, not " + limit, "");
            }
            return limit;
        }
        return follow || (start != null && start.last != null) ? 0 : DEFAULT_LIMIT;
    }

    private int read(GlobalOptions globals, ConnectionSettings settings) {
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        BrokerProbe.requireReachable(settings, Duration.ofMillis(Math.min(timeout.toMillis(), 10_000)));
        ConsumerOptions options = ConsumerOptions.DEFAULTS.withIsolation(isolation).withApiTimeout(timeout);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = globals.output() == OutputFormat.json;
        Printer printer = new Printer(out, json, effectiveLimit());
        AtomicReference<Problem> problem = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        PartitionTailer tailer = new PartitionTailer(ReadOnlyClients.consumer(settings, options), settings,
                new ReadRequest(topic, partitions, startPosition(), follow), rateLimit(), new RecordSink() {
                    @Override
                    public void planned(List<PartitionRange> ranges, SeekPlan plan) {
                        printer.planned(plan);
                    }

                    @Override
                    public boolean accept(List<RawRecord> batch) {
                        return printer.print(batch);
                    }

                    @Override
                    public void health(TailHealth health) {
                        // stdout may be a pipe into another tool: the outage goes to stderr
                        err.println("mirrorscope: " + TerminalText.escape(health.message(ZoneId.systemDefault())));
                        err.flush();
                    }

                    @Override
                    public void finished(Problem p) {
                        problem.set(p);
                        done.countDown();
                    }
                });
        Thread stopOnInterrupt = new Thread(tailer::stop, "mirrorscope-records-stop");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            tailer.start();
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tailer.stop();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already: it stops the tailer
                out.flush();
            }
        }
        out.flush();
        if (problem.get() != null) {
            throw new ProblemException(problem.get());
        }
        String cut = follow ? null : printer.truncation(start != null && start.last != null ? start.last : null);
        if (cut != null) {
            err.println("mirrorscope: " + cut);
            err.flush();
        }
        return ExitCodes.OK;
    }

    private RateLimit rateLimit() {
        try {
            return new RateLimit(rateLimit);
        } catch (IllegalArgumentException e) {
            throw usage("--rate-limit must be 0 or more", "");
        }
    }

    private StartPosition startPosition() {
        if (start == null) {
            return follow ? new StartPosition.End() : new StartPosition.Beginning();
        }
        if (start.from != null) {
            try {
                return new StartPosition.AtTime(TimeSpec.parse(start.from, Instant.now(), ZoneId.systemDefault()));
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage(), "See --help");
            }
        }
        if (start.offset != null) {
            return new StartPosition.AtOffset(start.offset);
        }
        if (start.last != null) {
            if (start.last < 0) {
                throw usage("--last must not be negative", "");
            }
            return new StartPosition.LastN(start.last);
        }
        return new StartPosition.Beginning();
    }

    private static ProblemException usage(String title, String hint) {
        return new ProblemException(Problem.of(Problem.Kind.USAGE, title, "", hint));
    }

    /** Writes records as JSON lines or a table; counts against the limit. Called on the consumer thread. */
    private static final class Printer {
        private final PrintWriter out;
        private final boolean json;
        private final int limit;
        private long printed;
        private boolean headerDone;

        private SeekPlan plan;
        private boolean cutShort;

        Printer(PrintWriter out, boolean json, int limit) {
            this.out = out;
            this.json = json;
            this.limit = limit;
        }

        void planned(SeekPlan p) {
            plan = p;
        }

        boolean print(List<RawRecord> batch) {
            for (RawRecord raw : batch) {
                if (limit > 0 && printed >= limit) {
                    cutShort = true;
                    break;
                }
                DecodedRecord r = RecordDecoder.CLI.decode(raw);
                out.println(json ? jsonLine(r) : tableLine(r));
                printed++;
            }
            out.flush();
            return limit <= 0 || printed < limit;
        }

        /**
         * What the limit left out, for stderr, or null when nothing was: records of the batch that hit the limit, or
         * fewer printed than the plan's offsets span (an upper bound: transaction markers and compaction take
         * offsets without records, so "up to").
         */
        String truncation(Integer lastN) {
            if (limit <= 0 || printed < limit) {
                return null;
            }
            long planned = plan == null ? 0 : plan.starts().stream().mapToLong(p -> Math.max(0, p.stop() - p.start()))
                    .sum();
            if (!cutShort && planned <= printed) {
                return null;
            }
            String asked = lastN == null ? "" : " (--last " + lastN + " over " + plan.starts().size()
                    + " partitions asks for up to " + planned + ")";
            return "stopped at --limit " + limit + asked + "; more records remain: raise --limit, or 0 for no limit";
        }

        private static String jsonLine(DecodedRecord r) {
            return io.mirrorscope.core.records.RecordJson.line(r);
        }

        private String tableLine(DecodedRecord r) {
            String line = String.format("%-4d %-10d %-24s %-20s %-50s %s", r.partition(), r.offset(),
                    Instant.ofEpochMilli(r.timestamp()), cell(r.key(), 20), cell(r.value(), 50),
                    String.join(",", r.headers().stream()
                            .map(h -> TerminalText.fit(h.name(), 40) + "=" + cell(h.value(), 40)).toList()));
            if (!headerDone) {
                headerDone = true;
                return String.format("%-4s %-10s %-24s %-20s %-50s %s%n", "P", "OFFSET", "TIMESTAMP", "KEY", "VALUE",
                        "HEADERS") + line;
            }
            return line;
        }

        private static String cell(DecodedValue v, int width) {
            if (v.text() == null) {
                return "(null)";
            }
            return TerminalText.fit(v.encoding().isText() ? v.text() : "b64:" + v.text(), width);
        }
    }
}
