package io.mirrorscope.core.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fills a {@link Trace} span by span, in whatever order a streaming reader meets the fields: {@link #beginSpan()},
 * then setters, tags, logs and references, then {@link #endSpan()}. A span whose id was seen before is dropped at
 * {@link #endSpan()} (Jaeger can return the same span twice). {@link #build()} resolves parents, hangs orphans
 * under a synthetic root, breaks reference cycles, orders children by start and marks clock skew.
 */
public final class TraceBuilder {

    /** Strings longer than this are rarely repeated; they are stored without a lookup entry. */
    private static final int INTERN_LIMIT = 64;

    private String traceId;
    private final StringTable strings = new StringTable();
    private final List<String> warnings = new ArrayList<>();
    private final Trace.KeyValues tagStore = new Trace.KeyValues();
    private final Trace.KeyValues fieldStore = new Trace.KeyValues();

    private int size;
    private long[] spanId = new long[16];
    private long[] start = new long[16];
    private long[] duration = new long[16];
    private int[] process = new int[16];
    private int[] operation = new int[16];
    private byte[] kind = new byte[16];
    private byte[] flags = new byte[16];
    private int[] tagOffset = new int[17];
    private int[] logOffset = new int[17];
    private int[] refOffset = new int[17];
    private boolean[] kindSet = new boolean[16];

    private int logs;
    private long[] logTime = new long[16];
    private int[] logFieldOffset = new int[17];

    private int refs;
    private byte[] refType = new byte[16];
    private int[] refTrace = new int[16];
    private long[] refSpan = new long[16];

    private final List<String> processKeys = new ArrayList<>();
    private int[] processService = new int[4];
    private int[] processTagFrom = new int[4];
    private int[] processTagTo = new int[4];
    private boolean[] processDefined = new boolean[4];

    private LongIntMap ids = new LongIntMap(1024);
    private String lastRefTraceText;
    private int lastRefTrace;
    private boolean open;
    private int duplicates;
    private final int stringInternEmpty;
    private final int keySpanKind;
    private final int keyError;
    private final int keyStatusCode;
    /** Span kind by value id, plus one (0 = not looked up yet): the kind tag's few values are parsed once each. */
    private byte[] kindByValue = new byte[256];

    /** A builder for the trace with this id (any hex or base64 form). */
    public TraceBuilder(String traceId) {
        this();
        traceId(traceId);
    }

    /** A builder whose trace id comes later (a streaming reader may meet it after the spans). */
    public TraceBuilder() {
        this.stringInternEmpty = strings.intern("");
        this.keySpanKind = strings.intern("span.kind");
        this.keyError = strings.intern("error");
        this.keyStatusCode = strings.intern("otel.status_code");
    }

    /** A hint from the reader (e.g. from the body's length): sizes the span columns and id index once. */
    public void expectSpans(int spans) {
        if (spans > spanId.length && size == 0) {
            ensureSpans(spans);
            ids = new LongIntMap(spans);
        }
    }

    /** Sets the trace id (any hex or base64 form). */
    public void traceId(String id) {
        this.traceId = TraceIds.normalizeTraceId(id);
    }

    /** The trace id, or null when not known yet. */
    public String traceId() {
        return traceId;
    }

    /** Spans added so far (duplicates excluded). */
    public int spanCount() {
        return size;
    }

    /** A warning shown with the trace (a partial answer, an unknown field value). */
    public void warn(String warning) {
        warnings.add(warning);
    }

    /**
     * The index of the process named {@code key} (Jaeger's {@code processID}, or a key for an OTLP resource),
     * allocated on first use; {@link #defineProcess} gives it a service later or earlier.
     */
    public int process(String key) {
        int index = processKeys.indexOf(key);
        if (index >= 0) {
            return index;
        }
        index = processKeys.size();
        processKeys.add(key);
        if (index == processService.length) {
            int n = index * 2;
            processService = Arrays.copyOf(processService, n);
            processTagFrom = Arrays.copyOf(processTagFrom, n);
            processTagTo = Arrays.copyOf(processTagTo, n);
            processDefined = Arrays.copyOf(processDefined, n);
        }
        return index;
    }

    /** Names the service of a process; its tags follow with {@link #processTag} before the next definition. */
    public void defineProcess(int index, String serviceName) {
        processService[index] = strings.intern(serviceName == null || serviceName.isEmpty()
                ? "unknown_service" : serviceName);
        processDefined[index] = true;
        processTagFrom[index] = fieldStore.size;
        processTagTo[index] = fieldStore.size;
    }

    /** A tag of the process defined last. */
    public void processTag(int index, String key, byte type, String value) {
        fieldStore.add(strings.intern(key), value(value), type);
        processTagTo[index] = fieldStore.size;
    }

    /** Starts a span; its fields follow. */
    public void beginSpan() {
        if (open) {
            endSpan();
        }
        ensureSpans(size + 1);
        int i = size;
        spanId[i] = 0;
        start[i] = 0;
        duration[i] = 0;
        process[i] = -1;
        operation[i] = stringInternEmpty;
        kind[i] = 0;
        kindSet[i] = false;
        flags[i] = 0;
        tagOffset[i] = tagStore.size;
        logOffset[i] = logs;
        refOffset[i] = refs;
        open = true;
    }

    public void spanId(long id) {
        spanId[size] = id;
    }

    public void operation(String name) {
        operation[size] = strings.intern(name);
    }

    public void startMicros(long micros) {
        start[size] = micros;
    }

    public void durationMicros(long micros) {
        duration[size] = Math.max(0, micros);
    }

    public void process(int index) {
        process[size] = index;
    }

    /** The span's kind; an explicit kind wins over a {@code span.kind} tag. */
    public void kind(SpanKind value) {
        kind[size] = (byte) value.ordinal();
        kindSet[size] = true;
    }

    public void error() {
        flags[size] |= Trace.ERROR;
    }

    /** A reference: {@code childOf} false means FOLLOWS_FROM (or an OTLP link). */
    public void reference(boolean childOf, String refTraceId, long refSpanId) {
        if (refs == refType.length) {
            int n = refs * 2;
            refType = Arrays.copyOf(refType, n);
            refTrace = Arrays.copyOf(refTrace, n);
            refSpan = Arrays.copyOf(refSpan, n);
        }
        refType[refs] = (byte) (childOf ? 0 : 1);
        // an empty trace id means "this trace"; references nearly always repeat one trace id, so remember it
        if (refTraceId == null || refTraceId.isEmpty()) {
            refTrace[refs] = stringInternEmpty;
        } else if (refTraceId.equals(lastRefTraceText)) {
            refTrace[refs] = lastRefTrace;
        } else {
            lastRefTrace = strings.intern(TraceIds.normalizeTraceId(refTraceId));
            lastRefTraceText = refTraceId;
            refTrace[refs] = lastRefTrace;
        }
        refSpan[refs] = refSpanId;
        refs++;
    }

    /** A tag of the open span; {@code span.kind} and {@code error} tags also set the kind and error flag. */
    public void tag(String key, byte type, String value) {
        tag(strings.intern(key), type, value(value));
    }

    /** A tag of the open span by interned ids ({@link #intern}, {@link #internValue}): no String per tag. */
    public void tag(int key, byte type, int value) {
        tagStore.add(key, value, type);
        // ids, not strings: this runs for every tag of a million spans
        if (key == keySpanKind && !kindSet[size]) {
            kind[size] = kindOf(value);
        } else if (key == keyError && "true".equalsIgnoreCase(Trace.KeyValues.text(strings, value))) {
            flags[size] |= Trace.ERROR;
        } else if (key == keyStatusCode && "ERROR".equalsIgnoreCase(Trace.KeyValues.text(strings, value))) {
            flags[size] |= Trace.ERROR;
        }
    }

    private byte kindOf(int value) {
        if (value < 0 || value >= kindByValue.length) {
            return (byte) SpanKind.ofName(Trace.KeyValues.text(strings, value)).ordinal();
        }
        if (kindByValue[value] == 0) {
            kindByValue[value] = (byte) (SpanKind.ofName(strings.get(value)).ordinal() + 1);
        }
        return (byte) (kindByValue[value] - 1);
    }

    /** Interns a name (tag key, operation) straight from a parser's buffer. */
    public int intern(char[] chars, int offset, int length) {
        return strings.intern(chars, offset, length);
    }

    /** A value from a parser's buffer: interned when short (values repeat), else stored once. */
    public int internValue(char[] chars, int offset, int length) {
        return length <= INTERN_LIMIT ? strings.intern(chars, offset, length)
                : strings.add(new String(chars, offset, length));
    }

    /**
     * A JSON integer's text from a parser's buffer: kept inline when it is a canonical decimal that fits 31 bits
     * (a Kafka offset, a partition, a status code; no String, no table entry), else as {@link #internValue}.
     */
    public int internInteger(char[] chars, int offset, int length) {
        if (length == 0 || length > 9 || (chars[offset] == '0' && length > 1)) {
            return internValue(chars, offset, length);
        }
        int n = 0;
        for (int k = 0; k < length; k++) {
            char c = chars[offset + k];
            if (c < '0' || c > '9') {
                return internValue(chars, offset, length);
            }
            n = n * 10 + (c - '0');
        }
        return ~n;
    }

    /** The operation by interned id. */
    public void operation(int id) {
        operation[size] = id;
    }

    /** Starts a log of the open span; its fields follow with {@link #logField}. */
    public void log(long timestampMicros) {
        if (logs + 1 >= logFieldOffset.length || logs == logTime.length) {
            int n = Math.max(logTime.length, logs + 1) * 2;
            logTime = Arrays.copyOf(logTime, n);
            logFieldOffset = Arrays.copyOf(logFieldOffset, n + 1);
        }
        logTime[logs] = timestampMicros;
        logFieldOffset[logs] = fieldStore.size;
        logs++;
        logFieldOffset[logs] = fieldStore.size;
    }

    /** A field of the log started last. */
    public void logField(String key, byte type, String value) {
        logField(strings.intern(key), type, value(value));
    }

    /** A field of the log started last, by interned ids. */
    public void logField(int key, byte type, int value) {
        fieldStore.add(key, value, type);
        logFieldOffset[logs] = fieldStore.size;
    }

    /** Ends the open span; returns false when its id was already in the trace (the span is dropped). */
    public boolean endSpan() {
        if (!open) {
            return false;
        }
        open = false;
        if (kindSet[size] && kind[size] != SpanKind.UNSPECIFIED.ordinal() && kind[size] != SpanKind.INTERNAL.ordinal()
                && tag(size, "span.kind") < 0) {
            // OTLP has the kind as a field; Jaeger's UI shows it as a tag, so details list it the same way
            tagStore.add(strings.intern("span.kind"), strings.intern(SpanKind.ofOrdinal(kind[size]).tagValue()),
                    Trace.STRING);
        }
        if (ids.putIfAbsent(spanId[size], size) >= 0) {
            duplicates++;
            rollback();
            return false;
        }
        size++;
        tagOffset[size] = tagStore.size;
        logOffset[size] = logs;
        refOffset[size] = refs;
        return true;
    }

    /** Drops the open span (the reader stopped in the middle of it). */
    public void abortSpan() {
        if (open) {
            open = false;
            rollback();
        }
    }

    private int tag(int span, String key) {
        int k = strings.find(key);
        for (int t = tagOffset[span]; k >= 0 && t < tagStore.size; t++) {
            if (tagStore.key[t] == k) {
                return t;
            }
        }
        return -1;
    }

    private void rollback() {
        tagStore.size = tagOffset[size];
        logs = logOffset[size];
        refs = refOffset[size];
    }

    private int value(String value) {
        if (value == null) {
            return stringInternEmpty;
        }
        return value.length() <= INTERN_LIMIT ? strings.intern(value) : strings.add(value);
    }

    private void ensureSpans(int n) {
        if (n <= spanId.length) {
            return;
        }
        int c = Math.max(n, spanId.length * 2);
        spanId = Arrays.copyOf(spanId, c);
        start = Arrays.copyOf(start, c);
        duration = Arrays.copyOf(duration, c);
        process = Arrays.copyOf(process, c);
        operation = Arrays.copyOf(operation, c);
        kind = Arrays.copyOf(kind, c);
        kindSet = Arrays.copyOf(kindSet, c);
        flags = Arrays.copyOf(flags, c);
        tagOffset = Arrays.copyOf(tagOffset, c + 1);
        logOffset = Arrays.copyOf(logOffset, c + 1);
        refOffset = Arrays.copyOf(refOffset, c + 1);
    }

    /** Resolves the tree and returns the trace; the builder must not be used afterwards. */
    public Trace build() {
        abortSpan();
        if (traceId == null) {
            throw new IllegalStateException("trace id not set");
        }
        int n = size;
        if (duplicates > 0) {
            warnings.add(duplicates + " duplicate span" + (duplicates == 1 ? "" : "s") + " dropped (same span id)");
        }
        int missingProcess = fixProcesses(n);
        if (missingProcess > 0) {
            warnings.add(missingProcess + " span" + (missingProcess == 1 ? " names" : "s name")
                    + " a process the trace does not define");
        }
        int[] parent = new int[n + 1];
        int orphans = resolveParents(n, parent);
        int cycles = breakCycles(n, parent);
        orphans += cycles;
        if (cycles > 0) {
            warnings.add(cycles + " reference cycle" + (cycles == 1 ? "" : "s") + " broken");
        }
        int total = orphans > 0 ? n + 1 : n;
        Trace t = new Trace();
        t.traceId = traceId;
        t.spanCount = n;
        t.size = total;
        t.spanId = Arrays.copyOf(spanId, total);
        t.start = Arrays.copyOf(start, total);
        t.duration = Arrays.copyOf(duration, total);
        t.process = Arrays.copyOf(process, total);
        t.operation = Arrays.copyOf(operation, total);
        t.kind = Arrays.copyOf(kind, total);
        t.flags = Arrays.copyOf(flags, total);
        t.tagOffset = Arrays.copyOf(tagOffset, total + 1);
        t.logOffset = Arrays.copyOf(logOffset, total + 1);
        t.refOffset = Arrays.copyOf(refOffset, total + 1);
        t.parent = Arrays.copyOf(parent, total);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, start[i]);
            max = Math.max(max, start[i] + duration[i]);
        }
        t.startMicros = n == 0 ? 0 : min;
        t.endMicros = n == 0 ? 0 : max;
        t.orphans = orphans;
        if (orphans > 0) {
            addSyntheticRoot(t, n);
            warnings.add(orphans + " span" + (orphans == 1 ? "'s parent is" : "s' parents are")
                    + " not in the trace; shown under a synthetic root");
        }
        tagStore.trim();
        fieldStore.trim();
        t.tagStore = tagStore;
        t.fieldStore = fieldStore;
        t.logTime = Arrays.copyOf(logTime, logs);
        t.logFieldOffset = Arrays.copyOf(logFieldOffset, logs + 1);
        t.refType = Arrays.copyOf(refType, refs);
        t.refTrace = Arrays.copyOf(refTrace, refs);
        t.refSpan = Arrays.copyOf(refSpan, refs);
        int processes = processKeys.size();
        t.processService = Arrays.copyOf(processService, processes + 1);
        t.processTagFrom = Arrays.copyOf(processTagFrom, processes + 1);
        t.processTagTo = Arrays.copyOf(processTagTo, processes + 1);
        if (orphans > 0) {
            t.processService[processes] = strings.intern("(missing parent span)");
            t.processTagFrom[processes] = 0;
            t.processTagTo[processes] = 0;
            t.process[n] = processes;
        }
        t.strings = strings;
        tree(t);
        markClockSkew(t);
        t.warnings = List.copyOf(warnings);
        ids = null;
        return t;
    }

    private int fixProcesses(int n) {
        int missing = 0;
        int unknown = -1;
        for (int i = 0; i < n; i++) {
            if (process[i] < 0 || !processDefined[process[i]]) {
                if (unknown < 0) {
                    unknown = process("\u0000missing");
                    processService[unknown] = strings.intern("(missing process)");
                    processDefined[unknown] = true;
                    processTagFrom[unknown] = 0;
                    processTagTo[unknown] = 0;
                }
                process[i] = unknown;
                missing++;
            }
        }
        return missing;
    }

    /** Parent = first CHILD_OF reference into this trace, else first FOLLOWS_FROM; -1 root, -2 orphan. */
    private int resolveParents(int n, int[] parent) {
        int orphans = 0;
        int own = strings.intern(traceId);
        for (int i = 0; i < n; i++) {
            int childOf = -1;
            int followsFrom = -1;
            for (int r = refOffset[i]; r < refOffset[i + 1]; r++) {
                if (refTrace[r] != own && refTrace[r] != stringInternEmpty
                        && !TraceIds.sameTrace(strings.get(refTrace[r]), traceId)) {
                    continue;
                }
                if (refType[r] == 0 && childOf < 0) {
                    childOf = r;
                } else if (refType[r] == 1 && followsFrom < 0) {
                    followsFrom = r;
                }
            }
            int ref = childOf >= 0 ? childOf : followsFrom;
            if (ref < 0) {
                parent[i] = -1;
                continue;
            }
            if (childOf < 0) {
                flags[i] |= Trace.FOLLOWS_FROM;
            }
            int p = ids.get(refSpan[ref]);
            if (p < 0 || p == i) {
                parent[i] = -2;
                flags[i] |= Trace.ORPHAN;
                orphans++;
            } else {
                parent[i] = p;
            }
        }
        return orphans;
    }

    /** Walks up from every span; an edge that closes a loop makes its child an orphan. */
    private int breakCycles(int n, int[] parent) {
        byte[] state = new byte[n];
        int[] path = new int[n];
        int cycles = 0;
        for (int i = 0; i < n; i++) {
            if (state[i] != 0) {
                continue;
            }
            int len = 0;
            int j = i;
            while (j >= 0 && state[j] == 0) {
                state[j] = 1;
                path[len++] = j;
                j = parent[j];
            }
            if (j >= 0 && state[j] == 1) {
                int last = path[len - 1];
                parent[last] = -2;
                flags[last] |= Trace.ORPHAN;
                cycles++;
            }
            for (int k = 0; k < len; k++) {
                state[path[k]] = 2;
            }
        }
        return cycles;
    }

    private void addSyntheticRoot(Trace t, int n) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (t.parent[i] == -2) {
                t.parent[i] = n;
                min = Math.min(min, t.start[i]);
                max = Math.max(max, t.start[i] + t.duration[i]);
            }
        }
        t.parent[n] = -1;
        t.spanId[n] = 0;
        t.start[n] = min;
        t.duration[n] = max - min;
        t.operation[n] = strings.intern("(missing parent)");
        t.kind[n] = 0;
        t.flags[n] = Trace.SYNTHETIC;
        t.tagOffset[n + 1] = t.tagOffset[n];
        t.logOffset[n + 1] = t.logOffset[n];
        t.refOffset[n + 1] = t.refOffset[n];
    }

    /** Children lists by start (CSR), top-level list, depth-first order, subtree sizes and depths. */
    private static void tree(Trace t) {
        int total = t.size;
        int[] childOffset = new int[total + 1];
        int top = 0;
        for (int i = 0; i < total; i++) {
            if (t.parent[i] >= 0) {
                childOffset[t.parent[i] + 1]++;
            } else {
                top++;
            }
        }
        for (int i = 0; i < total; i++) {
            childOffset[i + 1] += childOffset[i];
        }
        int[] fill = Arrays.copyOf(childOffset, total);
        int[] children = new int[childOffset[total]];
        int[] topLevel = new int[top];
        int topFill = 0;
        // filled in index order, then each sibling list sorted by start on its own (stable: ties keep index order);
        // one global sort by start walked the start column in random order, a cache miss per compare
        for (int i = 0; i < total; i++) {
            int p = t.parent[i];
            if (p >= 0) {
                children[fill[p]++] = i;
            } else {
                topLevel[topFill++] = i;
            }
        }
        int[] scratch = new int[0];
        for (int p = 0; p < total; p++) {
            scratch = sortRange(children, childOffset[p], childOffset[p + 1], t.start, scratch);
        }
        sortRange(topLevel, 0, top, t.start, scratch);
        t.childOffset = childOffset;
        t.children = children;
        t.topLevel = topLevel;
        int[] preorder = new int[total];
        int[] depth = new int[total];
        int[] subtree = new int[total];
        int[] stack = new int[total + 1];
        int pos = 0;
        int maxDepth = 0;
        for (int root : topLevel) {
            boolean synthetic = (t.flags[root] & Trace.SYNTHETIC) != 0;
            int sp = 0;
            stack[sp++] = root;
            depth[root] = 0;
            while (sp > 0) {
                int s = stack[--sp];
                preorder[pos++] = s;
                if (s < t.spanCount) {
                    maxDepth = Math.max(maxDepth, depth[s] + (synthetic ? 0 : 1));
                }
                for (int c = childOffset[s + 1] - 1; c >= childOffset[s]; c--) {
                    int child = children[c];
                    depth[child] = depth[s] + 1;
                    stack[sp++] = child;
                }
            }
        }
        for (int k = total - 1; k >= 0; k--) {
            int s = preorder[k];
            subtree[s] += 1;
            if (t.parent[s] >= 0) {
                subtree[t.parent[s]] += subtree[s];
            }
        }
        t.preorder = preorder;
        t.depth = depth;
        t.subtreeSize = subtree;
        t.maxDepth = maxDepth;
    }

    private void markClockSkew(Trace t) {
        int skewed = 0;
        for (int i = 0; i < t.spanCount; i++) {
            int p = t.parent[i];
            if (p >= 0 && (t.flags[p] & Trace.SYNTHETIC) == 0 && t.start[i] < t.start[p]) {
                t.flags[i] |= Trace.CLOCK_SKEW;
                skewed++;
            }
        }
        if (skewed > 0) {
            warnings.add(skewed + " span" + (skewed == 1 ? " starts" : "s start")
                    + " before its parent (clock skew between hosts)");
        }
    }

    /**
     * Sorts {@code a[from, to)} by {@code start[a[i]]}, stably (ties keep their order): insertion sort for the short
     * sibling lists of most spans, a merge sort for a parent with thousands of children. Returns the scratch buffer,
     * grown when it had to be.
     */
    static int[] sortRange(int[] a, int from, int to, long[] start, int[] scratch) {
        int n = to - from;
        if (n < 2) {
            return scratch;
        }
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = start[a[i - 1]] <= start[a[i]];
        }
        if (sorted) {
            return scratch;
        }
        if (n <= 32) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                long key = start[x];
                int j = i - 1;
                while (j >= from && start[a[j]] > key) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return scratch;
        }
        int[] buffer = scratch.length >= n ? scratch : new int[Math.max(n, scratch.length * 2)];
        int[] src = Arrays.copyOfRange(a, from, to);
        int[] dst = buffer;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    dst[k++] = start[src[j]] < start[src[i]] ? src[j++] : src[i++];
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] swap = src;
            src = dst;
            dst = swap;
        }
        System.arraycopy(src, 0, a, from, n);
        return buffer;
    }
}
