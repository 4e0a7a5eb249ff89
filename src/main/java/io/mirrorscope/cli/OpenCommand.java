package io.mirrorscope.cli;

import io.mirrorscope.core.inventory.InventoryReport;
import io.mirrorscope.core.inventory.TopicNaming;
import io.mirrorscope.core.mirror.TopicMapping;
import io.mirrorscope.core.snapshot.MirrorWindow;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.kafka.compare.CompareResult;
import io.mirrorscope.snapshot.HtmlReport;
import io.mirrorscope.snapshot.SnapshotReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mirrorscope open FILE}: reads a snapshot file (strictly: a damaged file is one clear message, exit 2) and
 * prints what it holds, the way the live commands print it: the inventory table, the compared window's findings and
 * lag per partition, and each trace's timeline. With {@code --html}, writes the report from the file, no cluster
 * needed.
 */
@Command(name = "open", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print what a snapshot file holds (inventory, findings, lag, traces), without the cluster.",
            "With --html, write its report for a browser."})
public final class OpenCommand implements Callable<Integer> {

    private static final int TABLE_ROWS = 50;
    private static final int TRACE_ROWS = 40;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The snapshot file (.msnap).")
    Path file;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the snapshot's HTML report to FILE.")
    Path html;

    @Option(names = "--no-gui", description = "Print a summary on the terminal (what open does today).")
    boolean noGui;

    @Override
    public Integer call() {
        Snapshot s = SnapshotReader.read(file);
        PrintWriter out = spec.commandLine().getOut();
        out.println(s.header().title() + " (written by MirrorScope " + s.header().writtenBy() + ", format version "
                + s.header().formatVersion() + ")");
        out.println("Holds: " + contents(s));
        s.header().notes().forEach(n -> out.println("note: " + n));
        out.println();
        out.print(InventoryReport.table(s.inventory()));
        MirrorWindow w = s.window();
        if (w != null) {
            out.println();
            out.println("MIRROR WINDOW " + (w.mirror().isEmpty() ? "" : w.mirror() + " link " + w.link()));
            out.print(CompareReport.table(result(w), TABLE_ROWS));
        }
        List<Trace> traces = traces(s);
        for (Trace t : traces) {
            out.println();
            out.print(TraceTimelineText.render(t, 120, TRACE_ROWS, true));
        }
        if (html != null) {
            HtmlReport.write(s, traces, html);
            out.println();
            out.println("Wrote " + html + " (" + SnapshotCommand.size(html) + ")");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** "inventory (2 clusters, 1 mirror), window my-mm2 my-topic (40 pairs, 1 missing), 2 traces". */
    static String contents(Snapshot s) {
        StringBuilder b = new StringBuilder("inventory (" + s.inventory().clusters().size() + " Kafka clusters, "
                + s.inventory().mirrors().size() + " mirrors, " + s.inventory().topics().size() + " topics)");
        MirrorWindow w = s.window();
        if (w != null) {
            b.append(", window of ").append(w.mirror()).append(' ').append(w.sourceTopic()).append(" -> ")
                    .append(w.targetTopic()).append(" (").append(w.findings().sourceRecords())
                    .append(" source records, ")
                    .append(w.findings().missing()).append(" missing, ").append(w.findings().duplicates())
                    .append(" duplicates; ").append(w.sourceRecords().records().size()).append('+')
                    .append(w.targetRecords().records().size()).append(" raw records kept)");
        }
        if (s.health() != null) {
            b.append(", mirror health");
        }
        b.append(", ").append(s.traces().size()).append(" traces");
        return b.toString();
    }

    /** The window as the compare's result, so the compare's own table prints it. */
    static CompareResult result(MirrorWindow w) {
        return new CompareResult(w.sourceBootstrap(), w.targetBootstrap(),
                TopicMapping.of(TopicNaming.identity(), w.sourceTopic(), w.targetTopic()), w.findings().pairing(),
                w.pairingReason(), 0, w.notes(), List.of(), List.of(), w.startedAt(), w.endedAt(), w.findings());
    }

    /** The snapshot's traces parsed by the tracing readers (a body that no longer parses is left out). */
    static List<Trace> traces(Snapshot s) {
        return io.mirrorscope.tracing.TraceDocuments.parseAll(s.traces(), "snapshot");
    }

    static void writeReport(Snapshot s, Path html) {
        HtmlReport.write(s, traces(s), html);
    }
}
