package io.mirrorscope.cli;

import io.mirrorscope.core.AppVersion;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.health.HealthReport;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.TracingBackend;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.snapshot.MirrorWindow;
import io.mirrorscope.core.snapshot.RecordSet;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.SnapshotFormat;
import io.mirrorscope.core.snapshot.TraceDocument;
import io.mirrorscope.core.trace.TraceContext;
import io.mirrorscope.kafka.ClusterAccess;
import io.mirrorscope.kafka.compare.CompareResult;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.inventory.InventoryReader;
import io.mirrorscope.snapshot.SnapshotWriter;
import io.mirrorscope.tracing.JaegerClient;
import io.mirrorscope.tracing.TracingEndpoints;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mirrorscope snapshot}: saves what the cluster shows now into one incident file (docs/snapshot-format.md)
 * that opens later without the cluster: the inventory and topology of the namespace and, with {@code --mirror} and
 * {@code --topic}, a compared window of that mirror (findings, the matched-record table, raw records of both sides
 * up to a size cap) and the traces its records link to, as the tracing back end returned them. With {@code --html},
 * also a self-contained report for a browser. Secrets the session read never enter either file.
 *
 * <p>{@code -o FILE} names the snapshot file here (the global {@code -o} is an output format; {@link #install}
 * swaps the option for this command).
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Save the inventory, topology and (with --mirror and --topic) a compared window of a mirror "
                + "with its records and traces into one file that opens without the cluster.",
            "Read-only, like every command. Secrets the session read are never written."},
        footer = {"", "Example: mirrorscope snapshot -n kafka --mirror my-mm2 --topic orders --from 15m "
                + "--duration 30s -o incident.msnap --html report.html",
            "Open it with: mirrorscope open incident.msnap"})
public final class SnapshotCommand implements Callable<Integer> {

    static final String NAME = "snapshot";

    @ParentCommand
    MirrorScopeCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    CompareOptions compare = new CompareOptions();

    @Option(names = "--traces", paramLabel = "N", defaultValue = "20",
            description = "Keep up to N traces linked from the window's records (default: ${DEFAULT-VALUE}; 0: none).")
    int traces;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Tracing back end (Jaeger / Tempo resource) to fetch traces from (default: the only one).")
    String backend;

    @Option(names = "--max-record-bytes", paramLabel = "BYTES",
            defaultValue = "" + SnapshotFormat.DEFAULT_RECORD_CAP_BYTES,
            description = "Raw record bytes kept per side (default: ${DEFAULT-VALUE}); later records are counted only.")
    long maxRecordBytes;

    @Option(names = "--pairs", paramLabel = "N", defaultValue = "200000",
            description = "Rows of the matched-record table kept (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--health-rounds", paramLabel = "N", defaultValue = "0",
            description = "With --mirror: also read the mirror's health, N rounds 1 s apart (as mirrorscope health; "
                    + "default: ${DEFAULT-VALUE}, no health).")
    int healthRounds;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
    Path html;

    /** Replaces the inherited {@code -o FORMAT} of this command by {@code -o FILE}. */
    static void install(CommandLine root) {
        CommandSpec sub = root.getSubcommands().get(NAME).getCommandSpec();
        OptionSpec inherited = sub.findOption("-o");
        if (inherited != null) {
            sub.remove(inherited);
        }
        sub.addOption(OptionSpec.builder("-o", "--output").paramLabel("FILE").type(Path.class)
                .description("The snapshot file to write (" + SnapshotFormat.EXTENSION + ").").build());
    }

    @Override
    public Integer call() {
        OptionSpec out = spec.findOption("-o");
        Path file = out == null ? null : out.getValue();
        if (file == null) {
            throw CompareOptions.usage("Missing required option: '-o=FILE'", "Name the snapshot file, e.g. "
                    + "-o incident" + SnapshotFormat.EXTENSION);
        }
        boolean withWindow = compare.mirror != null || compare.topic != null;
        if (withWindow && (compare.mirror == null || compare.topic == null)) {
            throw CompareOptions.usage("--mirror and --topic go together", "Give both to save a compared window");
        }
        if (compare.manual()) {
            throw CompareOptions.usage("A snapshot reads its mirror through Kubernetes",
                    "Use --mirror NAME instead of --source-bootstrap/--target-bootstrap");
        }
        GlobalOptions g = parent.globals();
        List<String> notes = new ArrayList<>();
        Snapshot snapshot;
        try (KubeSession session = Sessions.open(g)) {
            String namespace = session.namespace() != null ? session.namespace() : "default";
            Inventory inventory = new InventoryReader(session.client()).read(session.context(), List.of(namespace));
            InventoryCommand.requireSomethingReadable(inventory, "namespace " + namespace);
            Instant takenAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            MirrorWindow window = null;
            List<TraceDocument> traceDocs = List.of();
            Map<String, Object> health = null;
            if (withWindow) {
                window = window(session, inventory);
                if (window.sourceRecords().dropped() + window.targetRecords().dropped() > 0) {
                    notes.add("records beyond " + maxRecordBytes + " bytes per side were counted, not kept");
                }
                traceDocs = traces > 0 ? traces(session, inventory, window, notes) : List.of();
                if (healthRounds > 0) {
                    health = health(session, inventory, notes);
                }
            }
            snapshot = new Snapshot(new Snapshot.Header(SnapshotFormat.VERSION, AppVersion.version(), takenAt,
                    session.context(), namespace, notes), inventory, window, health, traceDocs);
        }
        SnapshotWriter.write(snapshot, file);
        PrintWriter o = spec.commandLine().getOut();
        o.println("Wrote " + file + " (" + size(file) + "): " + OpenCommand.contents(snapshot));
        if (html != null) {
            OpenCommand.writeReport(snapshot, html);
            o.println("Wrote " + html + " (" + size(html) + ")");
        }
        notes.forEach(n -> o.println("note: " + n));
        o.flush();
        return ExitCodes.OK;
    }

    private MirrorWindow window(KubeSession session, Inventory inventory) {
        RecordSet.Builder source = new RecordSet.Builder(maxRecordBytes);
        RecordSet.Builder target = new RecordSet.Builder(maxRecordBytes);
        CompareOptions.Outcome outcome = compare.onMirror(session, inventory, new CompareOptions.Hooks(
                (isSource, r) -> (isSource ? source : target).add(r), pairs));
        CompareResult r = outcome.result();
        return new MirrorWindow(outcome.mirror(), outcome.link(), r.sourceBootstrap(), r.topics().sourceTopic(),
                r.targetBootstrap(), r.topics().targetTopic(), compare.fromMillis, r.startedAt(), r.endedAt(),
                r.pairingReason(),
                r.notes(), r.snapshot(), source.build(), target.build());
    }

    /**
     * The traces the window's records carry context for (source side first, then target), up to {@link #traces};
     * a trace the back end does not have becomes a note, not a failure: the rest of the snapshot still counts.
     */
    private List<TraceDocument> traces(KubeSession session, Inventory inventory, MirrorWindow window,
                                       List<String> notes) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (RecordSet set : List.of(window.sourceRecords(), window.targetRecords())) {
            for (RawRecord r : set.records()) {
                TraceContext.Found found = TraceContext.fromRecord(r);
                if (found.present() && ids.size() < traces) {
                    ids.putIfAbsent(found.context().traceId(), r.timestamp());
                }
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        List<TracingBackend> backends = inventory.tracing();
        if (backends.isEmpty() && backend == null) {
            notes.add(ids.size() + " records carry trace context, but namespace " + session.namespace()
                    + " has no tracing back end: no traces saved");
            return List.of();
        }
        TracingBackend chosen = TracingEndpoints.choose(backends, backend);
        JaegerClient client = new JaegerClient(TracingEndpoints.forBackend(session, chosen, null));
        List<TraceDocument> docs = new ArrayList<>();
        for (Map.Entry<String, Long> e : ids.entrySet()) {
            long micros = e.getValue() * 1000;
            try {
                JaegerClient.TraceBody body = client.traceBody(e.getKey(), micros - 3_600_000_000L,
                        micros + 3_600_000_000L);
                docs.add(new TraceDocument(e.getKey(), body.v3() ? TraceDocument.Format.OTLP
                        : TraceDocument.Format.JAEGER, body.body()));
            } catch (ProblemException p) {
                notes.add("trace " + e.getKey() + ": " + p.problem().oneLine());
            }
        }
        return docs;
    }

    /** The mirror's health as {@code mirrorscope health -o json} writes it; a failure is a note, not the end. */
    private Map<String, Object> health(KubeSession session, Inventory inventory, List<String> notes) {
        try {
            return HealthReport.tree(HealthCommand.measure(session, inventory, compare.mirror,
                    new io.mirrorscope.kafka.health.MirrorHealthLinks.Access(null, null, null,
                            ClusterAccess.TunnelMode.AUTO), healthRounds,
                    Duration.ofSeconds(1), Duration.ofSeconds(5)));
        } catch (ProblemException p) {
            notes.add("health of " + compare.mirror + " not read: " + p.problem().oneLine());
            return null;
        }
    }

    static String size(Path file) {
        try {
            long b = Files.size(file);
            return b >= 1 << 20 ? String.format("%.1f MB", b / 1048576.0) : String.format("%.1f KB", b / 1024.0);
        } catch (IOException e) {
            throw new ProblemException(Problem.of(Problem.Kind.INTERNAL, "Cannot read the size of " + file,
                    e.getMessage(), ""));
        }
    }
}
