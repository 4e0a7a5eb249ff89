package io.mirrorscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrorscope.core.mirror.DelayMethod;
import io.mirrorscope.core.mirror.FindingsJson;
import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.kafka.compare.CompareResult;
import java.time.Instant;

/**
 * The result of {@code mirrorscope compare} as JSON (the field names; fields may be added, never renamed)
 * and as a table for a terminal.
 */
final class CompareReport {

    private CompareReport() {
    }

    static String label(DelayMethod m) {
        return FindingsJson.label(m);
    }

    static ObjectNode json(ObjectMapper mapper, CompareResult r) {
        ObjectNode o = FindingsJson.of(mapper, r.snapshot(), r.sourceBootstrap(), r.topics().sourceTopic(),
                r.targetBootstrap(), r.topics().targetTopic());
        o.put("pairingReason", r.pairingReason());
        o.put("offsetSyncs", r.offsetSyncs());
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        o.put("startedAt", r.startedAt());
        o.put("endedAt", r.endedAt());
        offsets(o.putArray("sourceOffsets"), r.sourceOffsets());
        offsets(o.putArray("targetOffsets"), r.targetOffsets());
        return o;
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
