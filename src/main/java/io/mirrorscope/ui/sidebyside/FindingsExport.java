package io.mirrorscope.ui.sidebyside;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorscope.core.mirror.DelayMethod;
import io.mirrorscope.core.mirror.FindingsJson;
import io.mirrorscope.core.mirror.MatchSnapshot;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The findings of a side-by-side run as JSON (the shape of {@code mirrorscope compare -o json}: same field names,
 * fields may be added, never renamed) and as CSV (one line per finding, its kind first). Pure: built from a
 * {@link MatchSnapshot}, the two sides and the delays of the rows the table holds.
 */
public final class FindingsExport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String CSV_HEADER = "kind,partition,offset,timestamp,key,target_partition,target_offsets,"
            + "delay_ms,delay_method,lag,lag_seconds";

    private FindingsExport() {
    }

    /** "live-observed", "log-append-time", "trace-spans", "unknown" (as the CLI writes them). */
    public static String label(DelayMethod m) {
        return FindingsJson.label(m);
    }

    /** The CLI's JSON document for this snapshot. */
    public static String json(MatchSnapshot s, CompareFeed.Sides sides) {
        ObjectNode o = FindingsJson.of(MAPPER, s, sides.sourceBootstrap(), sides.sourceTopic(),
                sides.targetBootstrap(), sides.targetTopic());
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CSV: every missing and duplicated record, the delay of every measured pair among {@code rows}, and the lag of
     * every partition; RFC 4180 quoting.
     */
    public static String csv(MatchSnapshot s, List<PairItem> rows) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append("\r\n");
        for (MatchSnapshot.MissingRecord m : s.missingRecords()) {
            line(sb, "missing", m.partition(), m.offset(), m.timestamp(), m.key(), "", "", "", "", "", "");
        }
        for (MatchSnapshot.DuplicateRecord d : s.duplicateRecords()) {
            StringBuilder offsets = new StringBuilder();
            for (Long t : d.targetOffsets()) {
                offsets.append(offsets.isEmpty() ? "" : " ").append(t);
            }
            line(sb, "duplicate", d.partition(), d.sourceOffset(), d.timestamp(), d.key(),
                    Integer.toString(d.targetPartition()), offsets.toString(), "", "", "", "");
        }
        for (PairItem r : rows) {
            if (r.delayMs() >= 0) {
                line(sb, "delay", r.partition(), r.offset(), r.timestamp(), r.key(),
                        Integer.toString(r.targetPartition()), Long.toString(r.targetOffset()),
                        Long.toString(r.delayMs()), label(r.method()), "", "");
            }
        }
        for (MatchSnapshot.PartitionState p : s.partitions()) {
            sb.append("lag,").append(p.partition()).append(",,,,,,,,").append(p.lag()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", p.lagSeconds())).append("\r\n");
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String kind, int partition, long offset, long timestamp, String key,
            String targetPartition, String targetOffsets, String delay, String method, String lag, String lagSec) {
        sb.append(kind).append(',').append(partition).append(',').append(offset).append(',').append(timestamp)
                .append(',').append(quote(key)).append(',').append(targetPartition).append(',')
                .append(quote(targetOffsets)).append(',').append(delay).append(',').append(method).append(',')
                .append(lag).append(',').append(lagSec).append("\r\n");
    }

    static String quote(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
