package io.mirrorscope.ui.sidebyside;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorscope.core.mirror.DelayMethod;
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
        return m.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The CLI's JSON document for this snapshot. */
    public static String json(MatchSnapshot s, CompareFeed.Sides sides) {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode source = o.putObject("source");
        source.put("bootstrap", sides.sourceBootstrap());
        source.put("topic", sides.sourceTopic());
        ObjectNode target = o.putObject("target");
        target.put("bootstrap", sides.targetBootstrap());
        target.put("topic", sides.targetTopic());
        o.put("pairing", s.pairing().label());
        o.put("compacted", s.compacted());
        o.put("sourceRecords", s.sourceRecords());
        o.put("targetRecords", s.targetRecords());
        o.put("matched", s.matched());
        o.put("missing", s.missing());
        o.put("duplicates", s.duplicates());
        o.put("pending", s.pending());
        o.put("expired", s.expired());
        ObjectNode delay = o.putObject("delayMs");
        delay.put("method", label(s.delay().method()));
        delay.put("measured", s.delay().measured());
        putMs(delay, "p50", s.delay().p50());
        putMs(delay, "p99", s.delay().p99());
        putMs(delay, "max", s.delay().max());
        ArrayNode partitions = o.putArray("partitions");
        for (MatchSnapshot.PartitionState p : s.partitions()) {
            ObjectNode n = partitions.addObject();
            n.put("partition", p.partition());
            n.put("sourceEnd", p.sourceEnd());
            n.put("targetEnd", p.targetEnd());
            n.put("lag", p.lag());
            n.put("lagSeconds", p.lagSeconds());
            n.put("missing", p.missing());
            n.put("duplicates", p.duplicates());
            n.put("pending", p.pending());
        }
        ArrayNode missing = o.putArray("missingRecords");
        for (MatchSnapshot.MissingRecord m : s.missingRecords()) {
            ObjectNode n = missing.addObject();
            n.put("partition", m.partition());
            n.put("offset", m.offset());
            n.put("timestamp", m.timestamp());
            n.put("key", m.key());
        }
        ArrayNode dups = o.putArray("duplicateRecords");
        for (MatchSnapshot.DuplicateRecord d : s.duplicateRecords()) {
            ObjectNode n = dups.addObject();
            n.put("partition", d.partition());
            n.put("sourceOffset", d.sourceOffset());
            ArrayNode offsets = n.putArray("targetOffsets");
            d.targetOffsets().forEach(offsets::add);
            n.put("targetPartition", d.targetPartition());
            n.put("key", d.key());
        }
        o.put("findingsTruncated", s.findingsTruncated());
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

    private static void putMs(ObjectNode o, String field, long ms) {
        if (ms < 0) {
            o.putNull(field);
        } else {
            o.put(field, ms);
        }
    }
}
