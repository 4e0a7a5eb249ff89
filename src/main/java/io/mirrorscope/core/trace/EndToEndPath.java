package io.mirrorscope.core.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A record's path across Kafka hops, which Jaeger's critical path hides (it drops PRODUCER and CONSUMER spans):
 * the producer's send, the time in the queue (produce → consume of the same record), the mirror (its consume → its
 * produce), the replication delay (the mirror's produce → the target consumer's receive) and the consumer's
 * processing, each a {@link Segment} of its own.
 *
 * <p>Hops are joined by span references (a consumer whose nearest messaging ancestor is the producer; a span link,
 * i.e. a FOLLOWS_FROM reference, across traces) or by the record's coordinates in messaging attributes (topic,
 * partition, offset). The path may run through several traces ({@link #of(List, RecordKey, RecordKey)}): where a
 * mirror starts a new trace for what it produces, the side-by-side pairing names the source and target records and
 * their producers join the two traces. Pure: no I/O.
 */
public final class EndToEndPath {

    /** Topic attribute names, newest semantic conventions first. */
    static final List<String> TOPIC_KEYS = List.of("messaging.destination.name", "messaging.destination",
            "message_bus.destination", "kafka.topic");
    /** Partition attribute names. */
    static final List<String> PARTITION_KEYS = List.of("messaging.destination.partition.id",
            "messaging.kafka.destination.partition", "messaging.kafka.partition", "kafka.partition");
    /** Offset attribute names. */
    static final List<String> OFFSET_KEYS = List.of("messaging.kafka.message.offset", "messaging.kafka.offset",
            "kafka.offset");

    /** Segment names; JSON consumers see these values, so they are never renamed. */
    public static final String PRODUCER_SEND = "producer send";
    public static final String QUEUE = "queue";
    public static final String MIRROR = "mirror";
    /** The mirror's consume span is in neither trace: the source produce → mirror produce as one segment. */
    public static final String QUEUE_AND_MIRROR = "queue + mirror";
    public static final String REPLICATION = "replication";
    public static final String CONSUMER_PROCESSING = "consumer processing";

    /** What a hop is on the path. */
    public enum Role { PRODUCE, MIRROR_CONSUME, MIRROR_PRODUCE, CONSUME }

    /**
     * A record known from outside the trace (the side-by-side pairing, a record read from a topic).
     *
     * @param topic         the topic, or null when not known
     * @param partition     the partition, or -1
     * @param offset        the offset, or -1
     * @param contextSpanId the span id in the record's trace-context header (its producer span), or 0
     */
    public record RecordKey(String topic, int partition, long offset, long contextSpanId) {
        /** A record by its coordinates, without a header span id. */
        public static RecordKey of(String topic, int partition, long offset) {
            return new RecordKey(topic, partition, offset, 0);
        }
    }

    /** One span on the path: {@code trace} indexes the list of traces, {@code span} the trace's spans. */
    public record Hop(Role role, int trace, int span) {
    }

    /**
     * A stretch of the path between two hops' spans, epoch microseconds; negative when the hosts' clocks disagree.
     */
    public record Segment(String segment, Hop from, Hop to, long startMicros, long endMicros) {
        public long durationMicros() {
            return endMicros - startMicros;
        }
    }

    private final List<Trace> traces;
    private final List<Hop> hops;
    private final List<Segment> segments;
    private final List<String> warnings;

    private EndToEndPath(List<Trace> traces, List<Hop> hops, List<Segment> segments, List<String> warnings) {
        this.traces = traces;
        this.hops = hops;
        this.segments = segments;
        this.warnings = warnings;
    }

    /** The path through one trace, from its first producer that did not consume (one trace per record). */
    public static EndToEndPath of(Trace trace) {
        return of(List.of(trace), null, null);
    }

    /**
     * The path through {@code traces} (source record's trace first), from the producer of {@code source} (or,
     * when null or not found, the first trace's first producer that did not consume), through the mirror's
     * produce of {@code target} (may be null) to the last consumer.
     */
    public static EndToEndPath of(List<Trace> traces, RecordKey source, RecordKey target) {
        Joiner joiner = new Joiner(traces);
        List<String> warnings = new ArrayList<>();
        List<Hop> chain = new ArrayList<>();
        Hop producer = source == null ? null : joiner.find(SpanKind.PRODUCER, source, -1);
        if (producer == null) {
            producer = joiner.firstProducer(0);
        }
        if (producer == null) {
            warnings.add("no PRODUCER span: the trace has no Kafka hop");
            return new EndToEndPath(List.copyOf(traces), List.of(), List.of(), List.copyOf(warnings));
        }
        Hop targetProducer = target == null ? null : joiner.find(SpanKind.PRODUCER, target, -1);
        chain.add(producer);
        int guard = joiner.totalSpans() + 1;
        while (guard-- > 0) {
            Hop last = chain.getLast();
            if (last.role() == Role.PRODUCE || last.role() == Role.MIRROR_PRODUCE) {
                boolean isTarget = targetProducer != null && sameSpan(last, targetProducer);
                RecordKey key = isTarget ? target : chain.size() == 1 ? source : null;
                Hop consumer = joiner.consumerOf(last, key);
                if (consumer == null && targetProducer != null && !containsSpan(chain, targetProducer)) {
                    warnings.add("the mirror's consume span is in neither trace: " + QUEUE_AND_MIRROR
                            + " is one segment");
                    chain.add(new Hop(Role.MIRROR_PRODUCE, targetProducer.trace(), targetProducer.span()));
                    continue;
                }
                if (consumer == null || containsSpan(chain, consumer)) {
                    break;
                }
                chain.add(consumer);
            } else {
                Hop next = joiner.producerAfter(chain.getLast());
                if (next == null && targetProducer != null && !containsSpan(chain, targetProducer)) {
                    next = targetProducer;
                }
                if (next == null || containsSpan(chain, next)) {
                    break;
                }
                // the consumer that produces again is the mirror
                chain.set(chain.size() - 1, new Hop(Role.MIRROR_CONSUME, last.trace(), last.span()));
                chain.add(new Hop(Role.MIRROR_PRODUCE, next.trace(), next.span()));
            }
        }
        if (chain.getLast().role() != Role.CONSUME) {
            warnings.add("no consumer of the last produced record in the trace");
        }
        List<Hop> hops = List.copyOf(chain);
        return new EndToEndPath(List.copyOf(traces), hops, segments(joiner, hops), List.copyOf(warnings));
    }

    private static boolean containsSpan(List<Hop> chain, Hop hop) {
        for (Hop h : chain) {
            if (sameSpan(h, hop)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameSpan(Hop a, Hop b) {
        return a.trace() == b.trace() && a.span() == b.span();
    }

    private static List<Segment> segments(Joiner j, List<Hop> hops) {
        List<Segment> out = new ArrayList<>();
        Hop first = hops.getFirst();
        out.add(new Segment(PRODUCER_SEND, first, first, j.start(first), j.end(first)));
        for (int i = 1; i < hops.size(); i++) {
            Hop from = hops.get(i - 1);
            Hop to = hops.get(i);
            switch (to.role()) {
                case MIRROR_CONSUME, CONSUME -> out.add(new Segment(from.role() == Role.MIRROR_PRODUCE ? REPLICATION
                        : QUEUE, from, to, j.end(from), j.start(to)));
                case MIRROR_PRODUCE -> out.add(from.role() == Role.MIRROR_CONSUME
                        ? new Segment(MIRROR, from, to, j.start(from), j.end(to))
                        : new Segment(QUEUE_AND_MIRROR, from, to, j.end(from), j.end(to)));
                default -> {
                    // a PRODUCE hop only starts the path
                }
            }
        }
        Hop last = hops.getLast();
        if (last.role() == Role.CONSUME) {
            out.add(new Segment(CONSUMER_PROCESSING, last, last, j.start(last), j.subtreeEnd(last)));
        }
        return List.copyOf(out);
    }

    public List<Trace> traces() {
        return traces;
    }

    /** The hops in order: PRODUCE, then (MIRROR_CONSUME?, MIRROR_PRODUCE)*, then CONSUME when found. */
    public List<Hop> hops() {
        return hops;
    }

    public List<Segment> segments() {
        return segments;
    }

    /** Why the path is shorter than a full hop chain. */
    public List<String> warnings() {
        return warnings;
    }

    /** The hop with {@code role} (the first one), or null. */
    public Hop hop(Role role) {
        for (Hop h : hops) {
            if (h.role() == role) {
                return h;
            }
        }
        return null;
    }

    /**
     * The replication delay as the mirror's spans tell it: the mirror's produce span end (else, without a mirror
     * produce span, the target consumer's receive) minus the source producer's send start, microseconds; -1 when
     * the path does not reach the target. This is {@code DelayMethod.TRACE_SPANS} of the side-by-side view.
     */
    public long replicationDelayMicros() {
        Hop produced = hop(Role.PRODUCE);
        Hop mirrored = hop(Role.MIRROR_PRODUCE);
        if (produced == null) {
            return -1;
        }
        if (mirrored != null) {
            return end(mirrored) - start(produced);
        }
        return -1;
    }

    /** The span id of a hop, 16 hex digits. */
    public String spanIdHex(Hop hop) {
        return traces.get(hop.trace()).spanIdHex(hop.span());
    }

    public long start(Hop hop) {
        return traces.get(hop.trace()).start(hop.span());
    }

    public long end(Hop hop) {
        return traces.get(hop.trace()).end(hop.span());
    }

    /** Finds hops across traces by kind, references and messaging attributes. */
    static final class Joiner {
        private final List<Trace> traces;
        private final int[][] nearestMessaging;

        Joiner(List<Trace> traces) {
            this.traces = traces;
            this.nearestMessaging = new int[traces.size()][];
        }

        int totalSpans() {
            int n = 0;
            for (Trace t : traces) {
                n += t.spanCount();
            }
            return n;
        }

        long start(Hop h) {
            return traces.get(h.trace()).start(h.span());
        }

        long end(Hop h) {
            return traces.get(h.trace()).end(h.span());
        }

        /** The latest end in the span's subtree: the consumer's processing ends when its last child does. */
        long subtreeEnd(Hop h) {
            Trace t = traces.get(h.trace());
            long end = t.end(h.span());
            int[] stack = new int[Math.max(16, t.maxDepth() + 2)];
            int top = 0;
            stack[top++] = h.span();
            while (top > 0) {
                int s = stack[--top];
                end = Math.max(end, t.end(s));
                for (int c = 0; c < t.childCount(s); c++) {
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                    }
                    stack[top++] = t.child(s, c);
                }
            }
            return end;
        }

        /** For each span, its nearest PRODUCER or CONSUMER ancestor, or -1; one pass in depth-first order. */
        int[] nearestMessaging(int trace) {
            if (nearestMessaging[trace] == null) {
                Trace t = traces.get(trace);
                int[] near = new int[t.size()];
                for (int i = 0; i < t.size(); i++) {
                    int s = t.preorderAt(i);
                    int p = t.parent(s);
                    near[s] = p < 0 ? -1 : t.kind(p).messaging() ? p : near[p];
                }
                nearestMessaging[trace] = near;
            }
            return nearestMessaging[trace];
        }

        /** The earliest PRODUCER of a trace that no consumer comes before (the record's first send). */
        Hop firstProducer(int trace) {
            if (trace >= traces.size()) {
                return null;
            }
            Trace t = traces.get(trace);
            int[] near = nearestMessaging(trace);
            int best = -1;
            for (int s = 0; s < t.spanCount(); s++) {
                if (t.kind(s) == SpanKind.PRODUCER && (near[s] < 0 || t.kind(near[s]) != SpanKind.CONSUMER)
                        && (best < 0 || t.start(s) < t.start(best))) {
                    best = s;
                }
            }
            return best < 0 ? null : new Hop(Role.PRODUCE, trace, best);
        }

        /**
         * The earliest span of {@code kind} that is the record {@code key}: its header's span id, else the topic
         * (when both know it), partition and offset (each compared when the span carries it; a span that carries
         * neither partition nor offset does not match by coordinates).
         */
        Hop find(SpanKind kind, RecordKey key, int onlyTrace) {
            Hop best = null;
            for (int ti = 0; ti < traces.size(); ti++) {
                if (onlyTrace >= 0 && ti != onlyTrace) {
                    continue;
                }
                Trace t = traces.get(ti);
                for (int s = 0; s < t.spanCount(); s++) {
                    if (t.kind(s) != kind) {
                        continue;
                    }
                    if (key.contextSpanId() != 0 && t.spanId(s) == key.contextSpanId()) {
                        return new Hop(role(kind), ti, s);
                    }
                    if (matches(t, s, key) && (best == null || t.start(s) < start(best))) {
                        best = new Hop(role(kind), ti, s);
                    }
                }
            }
            return best;
        }

        private static Role role(SpanKind kind) {
            return kind == SpanKind.PRODUCER ? Role.PRODUCE : Role.CONSUME;
        }

        static boolean matches(Trace t, int s, RecordKey key) {
            String topic = first(t, s, TOPIC_KEYS);
            if (key.topic() != null && topic != null && !key.topic().equals(topic)) {
                return false;
            }
            long partition = number(first(t, s, PARTITION_KEYS));
            long offset = number(first(t, s, OFFSET_KEYS));
            if (partition == Long.MIN_VALUE && offset == Long.MIN_VALUE) {
                return false;
            }
            return (partition == Long.MIN_VALUE || key.partition() < 0 || partition == key.partition())
                    && (offset == Long.MIN_VALUE || key.offset() < 0 || offset == key.offset());
        }

        /** The consumer of what {@code producer} sent: by reference, by link, or by the record's coordinates. */
        Hop consumerOf(Hop producer, RecordKey key) {
            Trace pt = traces.get(producer.trace());
            RecordKey own = keyOf(pt, producer.span());
            Hop best = null;
            for (int ti = 0; ti < traces.size(); ti++) {
                Trace t = traces.get(ti);
                int[] near = nearestMessaging(ti);
                for (int s = 0; s < t.spanCount(); s++) {
                    if (t.kind(s) != SpanKind.CONSUMER) {
                        continue;
                    }
                    boolean joined = ti == producer.trace() && near[s] == producer.span()
                            || linksTo(t, s, pt, producer.span())
                            || own != null && own.offset() >= 0 && matches(t, s, own)
                            || key != null && (key.offset() >= 0) && matches(t, s, key);
                    if (joined && (best == null || t.start(s) < start(best))) {
                        best = new Hop(Role.CONSUME, ti, s);
                    }
                }
            }
            return best;
        }

        /** The earliest producer whose nearest messaging ancestor is {@code consumer} (a mirror's produce). */
        Hop producerAfter(Hop consumer) {
            Trace t = traces.get(consumer.trace());
            int[] near = nearestMessaging(consumer.trace());
            int best = -1;
            for (int s = 0; s < t.spanCount(); s++) {
                if (t.kind(s) == SpanKind.PRODUCER && near[s] == consumer.span()
                        && (best < 0 || t.start(s) < t.start(best))) {
                    best = s;
                }
            }
            return best < 0 ? null : new Hop(Role.MIRROR_PRODUCE, consumer.trace(), best);
        }

        /** A reference of span {@code s} to {@code target} of another trace (an OpenTelemetry span link). */
        private static boolean linksTo(Trace t, int s, Trace other, int target) {
            if (t == other) {
                return false;
            }
            String hex = other.spanIdHex(target);
            for (Trace.Reference r : t.references(s)) {
                if (r.spanId().equals(hex) && TraceIds.sameTrace(r.traceId(), other.traceId())) {
                    return true;
                }
            }
            return false;
        }

        /** The record a messaging span names in its attributes, or null when it names no partition or offset. */
        static RecordKey keyOf(Trace t, int s) {
            long partition = number(first(t, s, PARTITION_KEYS));
            long offset = number(first(t, s, OFFSET_KEYS));
            if (partition == Long.MIN_VALUE && offset == Long.MIN_VALUE) {
                return null;
            }
            return new RecordKey(first(t, s, TOPIC_KEYS), partition == Long.MIN_VALUE ? -1 : (int) partition,
                    offset == Long.MIN_VALUE ? -1 : offset, 0);
        }

        static String first(Trace t, int s, List<String> keys) {
            for (String k : keys) {
                String v = t.tag(s, k);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }

        static long number(String text) {
            if (text == null) {
                return Long.MIN_VALUE;
            }
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                return Long.MIN_VALUE;
            }
        }
    }
}
