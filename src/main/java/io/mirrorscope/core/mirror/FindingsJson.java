package io.mirrorscope.core.mirror;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The findings of a compare as JSON, in the shape of {@code mirrorscope compare -o json} (field names fixed: fields
 * may be added, never renamed). The one writer of that shape: the CLI adds its run's facts (offsets read, notes,
 * times) to it, the side-by-side view's export writes it as it is.
 */
public final class FindingsJson {

    private FindingsJson() {
    }

    /** How a delay was measured, as written: "live-observed", "log-append-time", "trace-spans", "unknown". */
    public static String label(DelayMethod method) {
        return method.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The document for {@code s} between the two sides (bootstrap addresses and topics). */
    public static ObjectNode of(ObjectMapper mapper, MatchSnapshot s, String sourceBootstrap, String sourceTopic,
                                String targetBootstrap, String targetTopic) {
        ObjectNode o = mapper.createObjectNode();
        ObjectNode source = o.putObject("source");
        source.put("bootstrap", sourceBootstrap);
        source.put("topic", sourceTopic);
        ObjectNode target = o.putObject("target");
        target.put("bootstrap", targetBootstrap);
        target.put("topic", targetTopic);
        o.put("pairing", s.pairing().label());
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
        return o;
    }

    /** Nothing measured is written as null, not as -1. */
    private static void putMs(ObjectNode o, String field, long ms) {
        if (ms < 0) {
            o.putNull(field);
        } else {
            o.put(field, ms);
        }
    }
}
