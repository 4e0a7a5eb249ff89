package io.mirrorscope.core.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The findings of a compare as JSON, in the shape of {@code mirrorscope compare -o json} (field names fixed: fields
 * may be added, never renamed). The one writer of that shape: the CLI adds its run's facts (offsets read, notes,
 * times) to it, the side-by-side view's export writes it as it is, and an incident snapshot stores it and reads it
 * back with {@link #read} (so every field {@link MatchSnapshot} needs to be rebuilt is written).
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
        o.put("targetBacklog", s.targetBacklog());
        o.put("fingerprintMismatch", s.fingerprintMismatch());
        o.put("takenAt", s.takenAt());
        ObjectNode delay = o.putObject("delayMs");
        delay.put("method", label(s.delay().method()));
        delay.put("measured", s.delay().measured());
        putMs(delay, "p50", s.delay().p50());
        putMs(delay, "p99", s.delay().p99());
        putMs(delay, "max", s.delay().max());
        ObjectNode byMethod = delay.putObject("byMethod");
        s.delay().byMethod().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byMethod.put(label(e.getKey()), e.getValue()));
        ArrayNode histogram = delay.putArray("histogram");
        for (long[] bucket : s.delay().histogram()) {
            histogram.addArray().add(bucket[0]).add(bucket[1]);
        }
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
            n.put("timestamp", d.timestamp());
            ArrayNode offsets = n.putArray("targetOffsets");
            d.targetOffsets().forEach(offsets::add);
            n.put("targetPartition", d.targetPartition());
            n.put("key", d.key());
        }
        o.put("findingsTruncated", s.findingsTruncated());
        return o;
    }

    /**
     * The snapshot a document of {@link #of} describes, with {@code recentPairs} as its pair table. Strict: a field
     * missing or of the wrong type is an {@link IllegalArgumentException} naming it (the document was edited or cut).
     */
    public static MatchSnapshot read(JsonNode o, List<MatchSnapshot.PairRow> recentPairs) {
        JsonNode delay = object(o, "delayMs");
        Map<DelayMethod, Long> byMethod = new EnumMap<>(DelayMethod.class);
        object(delay, "byMethod").properties().forEach(e -> byMethod.put(method(e.getKey()),
                longValue(e.getValue(), "delayMs.byMethod." + e.getKey())));
        List<long[]> histogram = new ArrayList<>();
        for (JsonNode b : array(delay, "histogram")) {
            if (!b.isArray() || b.size() != 2) {
                throw new IllegalArgumentException("delayMs.histogram: each bucket is [upper bound ms, count]");
            }
            histogram.add(new long[] {longValue(b.get(0), "delayMs.histogram"),
                    longValue(b.get(1), "delayMs.histogram")});
        }
        MatchSnapshot.Delay d = new MatchSnapshot.Delay(method(text(delay, "method")), num(delay, "measured"),
                msOrMinus1(delay, "p50"), msOrMinus1(delay, "p99"), msOrMinus1(delay, "max"), byMethod, histogram);
        List<MatchSnapshot.PartitionState> partitions = new ArrayList<>();
        for (JsonNode n : array(o, "partitions")) {
            partitions.add(new MatchSnapshot.PartitionState((int) num(n, "partition"), num(n, "sourceBegin"),
                    num(n, "sourceEnd"), num(n, "targetBegin"), num(n, "targetEnd"), num(n, "lastMirrored"),
                    num(n, "lag"), decimal(n, "lagSeconds"), num(n, "sourceRecords"), num(n, "targetRecords"),
                    num(n, "missing"), num(n, "duplicates"), num(n, "pending")));
        }
        List<MatchSnapshot.MissingRecord> missing = new ArrayList<>();
        for (JsonNode n : array(o, "missingRecords")) {
            missing.add(new MatchSnapshot.MissingRecord((int) num(n, "partition"), num(n, "offset"),
                    num(n, "timestamp"), textOrNull(n, "key")));
        }
        List<MatchSnapshot.DuplicateRecord> dups = new ArrayList<>();
        for (JsonNode n : array(o, "duplicateRecords")) {
            List<Long> offsets = new ArrayList<>();
            for (JsonNode t : array(n, "targetOffsets")) {
                offsets.add(longValue(t, "duplicateRecords.targetOffsets"));
            }
            dups.add(new MatchSnapshot.DuplicateRecord((int) num(n, "partition"), num(n, "sourceOffset"),
                    num(n, "timestamp"), textOrNull(n, "key"), (int) num(n, "targetPartition"), offsets));
        }
        return new MatchSnapshot(pairing(text(o, "pairing")), bool(o, "compacted"), num(o, "takenAt"),
                num(o, "sourceRecords"), num(o, "targetRecords"), num(o, "matched"), num(o, "missing"),
                num(o, "duplicates"), num(o, "pending"), num(o, "expired"), num(o, "compactedAway"),
                num(o, "targetUnmatched"), num(o, "targetOutsideWindow"), num(o, "overflow"),
                num(o, "targetBacklog"), num(o, "fingerprintMismatch"), d, partitions, missing, dups,
                bool(o, "findingsTruncated"), recentPairs);
    }

    /** The method written as {@link #label}. */
    public static DelayMethod method(String label) {
        for (DelayMethod m : DelayMethod.values()) {
            if (label(m).equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a delay method");
    }

    private static Pairing pairing(String label) {
        for (Pairing p : Pairing.values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("pairing: '" + label + "' is not a pairing");
    }

    private static JsonNode field(JsonNode o, String name) {
        JsonNode n = o.get(name);
        if (n == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return n;
    }

    private static JsonNode object(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isObject()) {
            throw new IllegalArgumentException("field '" + name + "' must be an object");
        }
        return n;
    }

    private static JsonNode array(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isArray()) {
            throw new IllegalArgumentException("field '" + name + "' must be an array");
        }
        return n;
    }

    private static long num(JsonNode o, String name) {
        return longValue(field(o, name), name);
    }

    private static long longValue(JsonNode n, String name) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException("field '" + name + "' must be a whole number");
        }
        return n.longValue();
    }

    private static double decimal(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isNumber()) {
            throw new IllegalArgumentException("field '" + name + "' must be a number");
        }
        return n.doubleValue();
    }

    private static long msOrMinus1(JsonNode o, String name) {
        return field(o, name).isNull() ? -1 : num(o, name);
    }

    private static boolean bool(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isBoolean()) {
            throw new IllegalArgumentException("field '" + name + "' must be true or false");
        }
        return n.booleanValue();
    }

    private static String text(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' must be text");
        }
        return n.textValue();
    }

    private static String textOrNull(JsonNode o, String name) {
        return field(o, name).isNull() ? null : text(o, name);
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
