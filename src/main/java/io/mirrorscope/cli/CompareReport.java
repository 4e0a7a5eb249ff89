package io.mirrorscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorscope.core.mirror.DelayMethod;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.kafka.compare.CompareResult;
import java.time.Instant;
import java.util.Locale;

/**
 * The result of {@code mirrorscope compare} as JSON (the field names; fields may be added, never renamed)
 * and as a table for a terminal.
 */
final class CompareReport {

    private CompareReport() {
    }

    /** "live-observed", "log-append-time", "trace-spans", "unknown". */
    static String label(DelayMethod m) {
        return m.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ObjectNode json(ObjectMapper mapper, CompareResult r) {
        MatchSnapshot s = r.snapshot();
        ObjectNode o = mapper.createObjectNode();
        ObjectNode source = o.putObject("source");
        source.put("bootstrap", r.sourceBootstrap());
        source.put("topic", r.topics().sourceTopic());
        ObjectNode target = o.putObject("target");
        target.put("bootstrap", r.targetBootstrap());
        target.put("topic", r.topics().targetTopic());
        o.put("pairing", s.pairing().label());
        o.put("pairingReason", r.pairingReason());
        o.put("compacted", s.compacted());
        o.put("sourceRecords", s.sourceRecords());
        o.put("targetRecords", s.targetRecords());
        o.put("matched", s.matched());
        o.put("missing", s.missing());
        o.put("duplicates", s.duplicates());
        o.put("pending", s.pending());
        o.put("expired", s.expired());
        o.put("compactedAway", s.compactedAway());
        o.put("targetUnmatched", s.targetUnmatched());
        o.put("targetOutsideWindow", s.targetOutsideWindow());
        o.put("overflow", s.overflow());
        o.put("offsetSyncs", r.offsetSyncs());
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
            n.put("sourceBegin", p.sourceBegin());
            n.put("targetBegin", p.targetBegin());
            n.put("lastMirrored", p.lastMirrored());
            n.put("sourceRecords", p.sourceRecords());
            n.put("targetRecords", p.targetRecords());
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
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        o.put("startedAt", r.startedAt());
        o.put("endedAt", r.endedAt());
        offsets(o.putArray("sourceOffsets"), r.sourceOffsets());
        offsets(o.putArray("targetOffsets"), r.targetOffsets());
        return o;
    }

    private static void putMs(ObjectNode o, String field, long ms) {
        if (ms < 0) {
            o.putNull(field);
        } else {
            o.put(field, ms);
        }
    }

    private static void offsets(ArrayNode out, java.util.List<CompareResult.PartitionOffsets> offsets) {
        for (CompareResult.PartitionOffsets p : offsets) {
            ObjectNode n = out.addObject();
            n.put("partition", p.partition());
            n.put("readFrom", p.readFrom());
            n.put("beginAtStart", p.beginAtStart());
            n.put("endAtStart", p.endAtStart());
            n.put("beginAtEnd", p.beginAtEnd());
            n.put("endAtEnd", p.endAtEnd());
        }
    }

    static String table(CompareResult r, int rows) {
        MatchSnapshot s = r.snapshot();
        StringBuilder b = new StringBuilder();
        b.append(String.format("%s %s  ->  %s %s%n", r.sourceBootstrap(), r.topics().sourceTopic(),
                r.targetBootstrap(), r.topics().targetTopic()));
        b.append(String.format("pairing: %s (%s)%n", s.pairing().label(), r.pairingReason()));
        b.append(String.format("source records %,d  target records %,d  matched %,d  missing %,d  duplicates %,d  "
                        + "pending %,d  expired %,d%n", s.sourceRecords(), s.targetRecords(), s.matched(), s.missing(),
                s.duplicates(), s.pending(), s.expired()));
        if (s.delay().measured() > 0) {
            b.append(String.format("delay (%s): p50 %d ms  p99 %d ms  max %d ms over %,d pairs%n",
                    label(s.delay().method()), s.delay().p50(), s.delay().p99(), s.delay().max(),
                    s.delay().measured()));
        } else {
            b.append("delay: unknown (records read from history; follow live with --duration to measure it)\n");
        }
        b.append(String.format("%n%-4s %12s %12s %10s %8s %8s %10s %8s%n", "P", "SOURCE-END", "TARGET-END", "LAG",
                "LAG-S", "MISSING", "DUPLICATES", "PENDING"));
        for (MatchSnapshot.PartitionState p : s.partitions()) {
            b.append(String.format("%-4d %12d %12d %10d %8.1f %8d %10d %8d%n", p.partition(), p.sourceEnd(),
                    p.targetEnd(), p.lag(), p.lagSeconds(), p.missing(), p.duplicates(), p.pending()));
        }
        if (!s.missingRecords().isEmpty()) {
            b.append(String.format("%nmissing (partition@offset, timestamp, key):%n"));
            s.missingRecords().stream().limit(rows).forEach(m -> b.append(String.format("  %d@%d  %s  %s%n",
                    m.partition(), m.offset(), Instant.ofEpochMilli(m.timestamp()), m.key())));
            more(b, s.missingRecords().size(), rows);
        }
        if (!s.duplicateRecords().isEmpty()) {
            b.append(String.format("%nduplicated (source partition@offset -> target offsets):%n"));
            s.duplicateRecords().stream().limit(rows).forEach(d -> b.append(String.format("  %d@%d -> %d:%s%n",
                    d.partition(), d.sourceOffset(), d.targetPartition(), d.targetOffsets())));
            more(b, s.duplicateRecords().size(), rows);
        }
        if (s.findingsTruncated()) {
            b.append("(more findings than listed: the counters above are exact)\n");
        }
        r.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
        b.append(s.clean() ? "clean\n" : "FINDINGS: " + s.missing() + " missing, " + s.duplicates()
                + " duplicates\n");
        return b.toString();
    }

    private static void more(StringBuilder b, int size, int rows) {
        if (size > rows) {
            b.append(String.format("  … %d more (-o json lists them all)%n", size - rows));
        }
    }
}
