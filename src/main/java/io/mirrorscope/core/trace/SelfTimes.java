package io.mirrorscope.core.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Self time: what a span spends outside its children (the span minus the union of its children, each clipped to
 * the span), summed per service and operation.
 */
public final class SelfTimes {

    /** One service and operation: spans, total duration and self time, microseconds. */
    public record Row(String service, String operation, int count, long totalMicros, long selfMicros) {
    }

    private SelfTimes() {
    }

    /** Self time of one span, microseconds. */
    public static long of(Trace trace, int span) {
        long start = trace.start(span);
        long end = trace.end(span);
        long covered = 0;
        long coverEnd = start;
        // children come ordered by start, so one sweep merges their intervals
        for (int i = 0; i < trace.childCount(span); i++) {
            int c = trace.child(span, i);
            long cs = Math.max(trace.start(c), coverEnd);
            long ce = Math.min(trace.end(c), end);
            if (ce > cs) {
                covered += ce - cs;
                coverEnd = ce;
            }
        }
        return trace.duration(span) - covered;
    }

    /** Rows per service and operation, largest self time first; the synthetic root is left out. */
    public static List<Row> byServiceAndOperation(Trace trace) {
        Map<Long, long[]> sums = new HashMap<>();
        for (int i = 0; i < trace.spanCount(); i++) {
            long key = ((long) trace.serviceId(i) << 32) | trace.operationId(i);
            long[] sum = sums.computeIfAbsent(key, k -> new long[3]);
            sum[0]++;
            sum[1] += trace.duration(i);
            sum[2] += of(trace, i);
        }
        List<Row> rows = new ArrayList<>();
        sums.forEach((key, sum) -> rows.add(new Row(trace.string((int) (key >>> 32)),
                trace.string((int) (long) key), (int) sum[0], sum[1], sum[2])));
        rows.sort(Comparator.comparingLong(Row::selfMicros).reversed().thenComparing(Row::service)
                .thenComparing(Row::operation));
        return List.copyOf(rows);
    }
}
