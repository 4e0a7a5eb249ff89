package io.mirrorscope.core.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The critical path as Jaeger UI computes it: children are clipped to their parent (children wholly outside are
 * dropped with their subtrees) and FOLLOWS_FROM children are dropped; then, from the root, the last-finishing child
 * is followed recursively; each section of a span runs from its last-finishing child's end to the returning
 * child's start (or the span's end); a span without such a child is on the path from its start. Jaeger's newest
 * UI also drops PRODUCER and CONSUMER children (they do not block their parent) — {@link #jaeger(Trace)} does the
 * same, {@link #of(Trace, boolean)} can keep them.
 */
public final class CriticalPath {

    /** A stretch of the path: {@code span} is what the trace waits on from {@code startMicros} to {@code endMicros}. */
    public record Section(int span, long startMicros, long endMicros) {
    }

    private CriticalPath() {
    }

    /** Jaeger UI's critical path (messaging children dropped). */
    public static List<Section> jaeger(Trace trace) {
        return of(trace, true);
    }

    /**
     * The critical path from the earliest real root, newest sections last (Jaeger lists them from the root's end
     * backwards; this list is in that order).
     */
    public static List<Section> of(Trace trace, boolean dropMessaging) {
        List<Integer> roots = trace.roots();
        if (roots.isEmpty()) {
            return List.of();
        }
        int root = roots.getFirst();
        int n = trace.size();
        long[] cs = new long[n];
        long[] ce = new long[n];
        boolean[] keep = new boolean[n];
        clip(trace, root, cs, ce, keep, dropMessaging);
        int[][] byEnd = new int[n][];
        int[] cursor = new int[n];
        List<Section> path = new ArrayList<>();
        int current = root;
        long returning = Long.MIN_VALUE;
        while (current >= 0) {
            if (byEnd[current] == null) {
                byEnd[current] = childrenByEndDescending(trace, current, ce, keep);
            }
            int lfc = lastFinishingChild(byEnd[current], cursor, current, ce, returning);
            long sectionEnd = returning == Long.MIN_VALUE ? ce[current] : returning;
            if (lfc >= 0) {
                if (ce[lfc] != sectionEnd) {
                    path.add(new Section(current, ce[lfc], sectionEnd));
                }
                current = lfc;
                returning = Long.MIN_VALUE;
            } else {
                path.add(new Section(current, cs[current], sectionEnd));
                if (current == root) {
                    break;
                }
                returning = cs[current];
                current = trace.parent(current);
            }
        }
        return List.copyOf(path);
    }

    /** Span ids on the path, each once, in path order. */
    public static List<String> spanIds(Trace trace, List<Section> path) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (Section s : path) {
            ids.add(trace.spanIdHex(s.span()));
        }
        return List.copyOf(ids);
    }

    private static int lastFinishingChild(int[] children, int[] cursor, int span, long[] ce, long returning) {
        if (returning == Long.MIN_VALUE) {
            return children.length == 0 ? -1 : children[0];
        }
        // returning only decreases for the same parent, so children ending at or after it never qualify again
        int c = cursor[span];
        while (c < children.length && ce[children[c]] >= returning) {
            c++;
        }
        cursor[span] = c;
        return c < children.length ? children[c] : -1;
    }

    private static int[] childrenByEndDescending(Trace trace, int span, long[] ce, boolean[] keep) {
        int count = 0;
        int[] kept = new int[trace.childCount(span)];
        for (int i = 0; i < kept.length; i++) {
            int c = trace.child(span, i);
            if (keep[c]) {
                kept[count++] = c;
            }
        }
        Integer[] boxed = new Integer[count];
        for (int i = 0; i < count; i++) {
            boxed[i] = kept[i];
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(ce[b], ce[a]));
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /** Clips children to their (clipped) parent top-down; marks what stays. */
    private static void clip(Trace trace, int root, long[] cs, long[] ce, boolean[] keep, boolean dropMessaging) {
        int[] stack = new int[trace.size() + 1];
        int sp = 0;
        cs[root] = trace.start(root);
        ce[root] = trace.end(root);
        keep[root] = true;
        stack[sp++] = root;
        while (sp > 0) {
            int s = stack[--sp];
            for (int i = 0; i < trace.childCount(s); i++) {
                int c = trace.child(s, i);
                if (trace.has(c, Trace.FOLLOWS_FROM) || (dropMessaging && trace.kind(c).messaging())) {
                    continue;
                }
                long start = trace.start(c);
                long end = trace.end(c);
                if (start >= ce[s] || end <= cs[s]) {
                    continue;
                }
                cs[c] = Math.max(start, cs[s]);
                ce[c] = Math.min(end, ce[s]);
                keep[c] = true;
                stack[sp++] = c;
            }
        }
    }
}
