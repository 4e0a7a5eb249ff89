package io.mirrorscope.cli;

import io.mirrorscope.core.trace.CriticalPath;
import io.mirrorscope.core.trace.GoDuration;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.TraceLayout;
import java.util.BitSet;
import java.util.List;

/**
 * A trace as text: one row per span in tree order, indented by depth, with its duration and a bar on a time axis
 * scaled to the terminal width (the same {@link TraceLayout} geometry the window draws, one column per "pixel").
 * Marks: {@code *} on the critical path, {@code !} error, {@code ~} clock skew, {@code ?} orphan.
 */
final class TraceTimelineText {

    private static final int NAME_COLUMNS = 48;

    private TraceTimelineText() {
    }

    static String render(Trace trace, int width, int maxRows, boolean unicode) {
        StringBuilder out = new StringBuilder();
        out.append("Trace ").append(trace.traceId()).append("  ").append(trace.spanCount()).append(" spans  ")
                .append(GoDuration.format(trace.durationMicros())).append("  services: ")
                .append(String.join(", ", trace.services())).append('\n');
        for (String w : trace.warnings()) {
            out.append("warning: ").append(w).append('\n');
        }
        BitSet critical = new BitSet();
        for (CriticalPath.Section s : CriticalPath.jaeger(trace)) {
            critical.set(s.span());
        }
        int[] rows = TraceLayout.visibleRows(trace, new BitSet());
        int barColumns = Math.max(10, width - NAME_COLUMNS - 12);
        TraceLayout.Viewport view = new TraceLayout.Viewport(0, barColumns, Math.min(rows.length, maxRows), 1,
                trace.startMicros(), trace.endMicros());
        char full = unicode ? '█' : '#';
        char empty = unicode ? '·' : '.';
        out.append(pad("", NAME_COLUMNS)).append(pad("", 11)).append(' ').append(pad("0", barColumns / 2))
                .append(leftPad(GoDuration.format(trace.durationMicros()), barColumns - barColumns / 2))
                .append('\n');
        for (TraceLayout.Bar bar : TraceLayout.bars(trace, rows, view)) {
            int span = bar.span();
            String marks = (critical.get(span) ? "*" : " ") + (trace.has(span, Trace.ERROR) ? "!"
                    : trace.has(span, Trace.CLOCK_SKEW) ? "~" : trace.has(span, Trace.ORPHAN) ? "?" : " ");
            String name = "  ".repeat(trace.depth(span)) + trace.service(span) + ": " + trace.operation(span);
            out.append(marks).append(pad(ellipsize(name, NAME_COLUMNS - 3), NAME_COLUMNS - 2))
                    .append(leftPad(GoDuration.format(trace.duration(span)), 11)).append(' ');
            int from = (int) Math.min(barColumns - 1, Math.max(0, Math.floor(bar.x())));
            int to = (int) Math.min(barColumns, Math.max(from + 1, Math.round(bar.x() + bar.width())));
            for (int c = 0; c < barColumns; c++) {
                out.append(c >= from && c < to ? full : empty);
            }
            out.append('\n');
        }
        if (rows.length > maxRows) {
            out.append("… ").append(rows.length - maxRows).append(" more spans (see all with --max-rows ")
                    .append(rows.length).append(" or -o json)\n");
        }
        out.append("* critical path  ! error  ~ clock skew  ? parent not in trace\n");
        return out.toString();
    }

    static String searchTable(List<io.mirrorscope.core.trace.TraceSummary> traces) {
        StringBuilder out = new StringBuilder(String.format("%-32s  %6s  %10s  %-24s  %s%n", "TRACE ID", "SPANS",
                "DURATION", "START (UTC)", "ROOT"));
        for (var t : traces) {
            out.append(String.format("%-32s  %6d  %10s  %-24s  %s%n", t.traceId(), t.spanCount(),
                    GoDuration.format(t.durationMicros()),
                    java.time.Instant.ofEpochMilli(t.startMicros() / 1000).toString(),
                    t.rootService() + ": " + t.rootOperation()));
        }
        if (traces.isEmpty()) {
            out.append("(no traces)\n");
        }
        return out.toString();
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s : s + " ".repeat(n - s.length());
    }

    private static String leftPad(String s, int n) {
        return s.length() >= n ? s : " ".repeat(n - s.length()) + s;
    }

    private static String ellipsize(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
