package io.mirrorscope.core.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * One trace as a column store: span {@code i}'s fields live at index {@code i} of primitive arrays (start and
 * duration in microseconds, parent index, interned service and operation ids, kind, flags), so a million spans cost
 * a few dozen bytes each plus their tags. Tags, logs and references sit in shared arrays addressed by per-span
 * offsets. Built by {@link TraceBuilder}; immutable afterwards.
 *
 * <p>The tree: every span has a parent index, or -1 for a top-level span. Spans whose parent is not in the trace
 * (orphans) hang under one synthetic root (flag {@link #SYNTHETIC}) appended after the real spans; a trace may have
 * several real roots. {@link #preorder()} lists every span (synthetic root included) depth-first with children by
 * start time; {@link #subtreeSize(int)} lets a layout skip a collapsed subtree in one step.
 */
public final class Trace {

    /** The span's own error flag ({@code error=true} tag or OTLP status ERROR). */
    public static final int ERROR = 1;
    /** The span starts before its parent: the two hosts' clocks disagree. */
    public static final int CLOCK_SKEW = 2;
    /** The span's parent is not in the trace; it hangs under the synthetic root. */
    public static final int ORPHAN = 4;
    /** The synthetic root that holds the orphans; not a span of the back end. */
    public static final int SYNTHETIC = 8;
    /** The span's parent comes from a FOLLOWS_FROM reference (no CHILD_OF in the trace). */
    public static final int FOLLOWS_FROM = 16;

    /** Tag value types as Jaeger names them. */
    public static final byte STRING = 0;
    public static final byte BOOL = 1;
    public static final byte INT64 = 2;
    public static final byte FLOAT64 = 3;
    public static final byte BINARY = 4;

    private static final String[] TYPE_NAMES = {"string", "bool", "int64", "float64", "binary"};

    /** One key/value of a tag, a log field or a process tag. */
    public record Tag(String key, String type, String value) {
    }

    /** One log (OTLP: event) of a span. */
    public record Log(long timestampMicros, List<Tag> fields) {
    }

    /** One reference of a span as the back end sent it. */
    public record Reference(String type, String traceId, String spanId) {
    }

    String traceId;
    int spanCount;
    int size;
    long[] spanId;
    long[] start;
    long[] duration;
    int[] parent;
    int[] process;
    int[] operation;
    byte[] kind;
    byte[] flags;
    int[] tagOffset;
    int[] logOffset;
    int[] refOffset;
    KeyValues tagStore;
    KeyValues fieldStore;
    long[] logTime;
    int[] logFieldOffset;
    byte[] refType;
    int[] refTrace;
    long[] refSpan;
    int[] processService;
    int[] processTagFrom;
    int[] processTagTo;
    int[] childOffset;
    int[] children;
    int[] topLevel;
    int[] preorder;
    int[] subtreeSize;
    int[] depth;
    private volatile int[] preorderInverse;
    int maxDepth;
    StringTable strings;
    long startMicros;
    long endMicros;
    int orphans;
    List<String> warnings;

    Trace() {
    }

    /** The trace id, lower-case hex. */
    public String traceId() {
        return traceId;
    }

    /** Spans from the back end (duplicates dropped), without the synthetic root. */
    public int spanCount() {
        return spanCount;
    }

    /** Indexes in use: {@link #spanCount()} plus one when a synthetic root holds orphans. */
    public int size() {
        return size;
    }

    /** Earliest span start, epoch microseconds. */
    public long startMicros() {
        return startMicros;
    }

    /** Latest span end minus earliest span start, microseconds. */
    public long durationMicros() {
        return endMicros - startMicros;
    }

    /** Latest span end, epoch microseconds. */
    public long endMicros() {
        return endMicros;
    }

    /** Spans whose parent is not in the trace. */
    public int orphans() {
        return orphans;
    }

    /** What the reader noticed: orphans, duplicates, missing processes, cycles, clock skew. */
    public List<String> warnings() {
        return warnings;
    }

    public long spanId(int span) {
        return spanId[span];
    }

    /** The span id as 16 hex digits; the synthetic root has the id 0. */
    public String spanIdHex(int span) {
        return TraceIds.spanIdHex(spanId[span]);
    }

    public long start(int span) {
        return start[span];
    }

    public long duration(int span) {
        return duration[span];
    }

    public long end(int span) {
        return start[span] + duration[span];
    }

    /** The parent's index, or -1 for a top-level span. */
    public int parent(int span) {
        return parent[span];
    }

    public int depth(int span) {
        return depth[span];
    }

    public int flags(int span) {
        return flags[span];
    }

    public boolean has(int span, int flag) {
        return (flags[span] & flag) != 0;
    }

    public SpanKind kind(int span) {
        return SpanKind.ofOrdinal(kind[span]);
    }

    /** Interned id of the span's service, for colouring and grouping without string compares. */
    public int serviceId(int span) {
        return processService[process[span]];
    }

    public int operationId(int span) {
        return operation[span];
    }

    public String service(int span) {
        return strings.get(serviceId(span));
    }

    public String operation(int span) {
        return strings.get(operation[span]);
    }

    /** The text of an interned id ({@link #serviceId(int)}, {@link #operationId(int)}). */
    public String string(int id) {
        return strings.get(id);
    }

    /** Children of {@code span} ordered by start time. */
    public int childCount(int span) {
        return childOffset[span + 1] - childOffset[span];
    }

    public int child(int span, int i) {
        return children[childOffset[span] + i];
    }

    /** Top-level spans (real roots, then the synthetic root if any) ordered by start time. */
    public int[] topLevel() {
        return topLevel.clone();
    }

    /** Real roots: spans without a parent reference, by start time. */
    public List<Integer> roots() {
        List<Integer> roots = new ArrayList<>();
        for (int span : topLevel) {
            if (!has(span, SYNTHETIC)) {
                roots.add(span);
            }
        }
        return roots;
    }

    /** Every index depth-first, children by start time; do not modify. */
    int[] preorder() {
        return preorder;
    }

    /** The span at position {@code i} of the depth-first order. */
    public int preorderAt(int i) {
        return preorder[i];
    }

    /** Position of {@code span} in the depth-first order (the inverse of {@link #preorderAt}). */
    public int preorderPosition(int span) {
        int[] inverse = preorderInverse;
        if (inverse == null) {
            // built on first use (find-in-trace, the minimap); a race builds the same array twice, harmlessly
            inverse = new int[size];
            for (int i = 0; i < size; i++) {
                inverse[preorder[i]] = i;
            }
            preorderInverse = inverse;
        }
        return inverse[span];
    }

    /** The span and its descendants. */
    public int subtreeSize(int span) {
        return subtreeSize[span];
    }

    /** The deepest chain of real spans; a root has depth 1 (orphans count as roots of their subtree). */
    public int maxDepth() {
        return maxDepth;
    }

    /** Sorted service names of the real spans. */
    public List<String> services() {
        // distinct ids first: a million spans name a handful of services
        java.util.BitSet ids = new java.util.BitSet();
        for (int i = 0; i < spanCount; i++) {
            ids.set(processService[process[i]]);
        }
        TreeSet<String> names = new TreeSet<>();
        ids.stream().forEach(id -> names.add(strings.get(id)));
        return List.copyOf(names);
    }

    /** The index of a span id, or -1. */
    public int indexOf(long id) {
        for (int i = 0; i < spanCount; i++) {
            if (spanId[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** The span's tags, built on demand (the store keeps interned ids). */
    public List<Tag> tags(int span) {
        return tagStore.list(strings, tagOffset[span], tagOffset[span + 1]);
    }

    /** The value of the span's first tag named {@code key}, or null. */
    public String tag(int span, String key) {
        int id = strings.find(key);
        if (id < 0) {
            return null;
        }
        for (int t = tagOffset[span]; t < tagOffset[span + 1]; t++) {
            if (tagStore.key[t] == id) {
                return KeyValues.text(strings, tagStore.value[t]);
            }
        }
        return null;
    }

    /** The span's logs, built on demand. */
    public List<Log> logs(int span) {
        List<Log> logs = new ArrayList<>();
        for (int l = logOffset[span]; l < logOffset[span + 1]; l++) {
            logs.add(new Log(logTime[l], fieldStore.list(strings, logFieldOffset[l], logFieldOffset[l + 1])));
        }
        return Collections.unmodifiableList(logs);
    }

    /** The span's references, as sent. */
    public List<Reference> references(int span) {
        List<Reference> refs = new ArrayList<>();
        for (int r = refOffset[span]; r < refOffset[span + 1]; r++) {
            String refTraceId = strings.get(refTrace[r]);
            refs.add(new Reference(refType[r] == 0 ? "CHILD_OF" : "FOLLOWS_FROM",
                    refTraceId.isEmpty() ? traceId : refTraceId,
                    TraceIds.spanIdHex(refSpan[r])));
        }
        return refs;
    }

    /** The tags of the span's process (resource attributes in OTLP). */
    public List<Tag> processTags(int span) {
        int p = process[span];
        return fieldStore.list(strings, processTagFrom[p], processTagTo[p]);
    }

    /**
     * Key/value triples in three growing arrays; a span or log owns a contiguous range. A value is an interned
     * string id, or (negative) {@code ~n} for a decimal integer {@code n} kept inline: per-span numbers such as Kafka
     * offsets would otherwise put a million distinct strings in the table.
     */
    static final class KeyValues {
        int[] key = new int[64];
        int[] value = new int[64];
        byte[] type = new byte[64];
        int size;

        void add(int k, int v, byte t) {
            if (size == key.length) {
                int n = size * 2;
                key = java.util.Arrays.copyOf(key, n);
                value = java.util.Arrays.copyOf(value, n);
                type = java.util.Arrays.copyOf(type, n);
            }
            key[size] = k;
            value[size] = v;
            type[size] = t;
            size++;
        }

        void trim() {
            key = java.util.Arrays.copyOf(key, size);
            value = java.util.Arrays.copyOf(value, size);
            type = java.util.Arrays.copyOf(type, size);
        }

        /** The text of a value: an interned string, or an inline integer. */
        static String text(StringTable strings, int value) {
            return value >= 0 ? strings.get(value) : Integer.toString(~value);
        }

        List<Tag> list(StringTable strings, int from, int to) {
            List<Tag> tags = new ArrayList<>(to - from);
            for (int t = from; t < to; t++) {
                tags.add(new Tag(strings.get(key[t]), TYPE_NAMES[type[t]], text(strings, value[t])));
            }
            return Collections.unmodifiableList(tags);
        }
    }
}
