package io.mirrorscope.core.trace;

import java.util.Arrays;
import java.util.Locale;

/**
 * Find-in-trace: the spans whose service, operation, span id or tags match a query, in display (depth-first)
 * order. The query is whitespace-separated terms, all of which must match (case-insensitive substrings); a term
 * {@code key=value} matches a tag whose key equals {@code key} and whose value contains {@code value}. Strings are
 * interned, so each distinct text is tested once per term, not once per span: a million spans take one pass over
 * the id columns.
 */
public final class TraceFind {

    private TraceFind() {
    }

    /** Matching spans (synthetic root excluded) in depth-first order; empty for a blank query. */
    public static int[] find(Trace trace, String query) {
        String[] terms = query == null ? new String[0] : query.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (terms.length == 0 || terms[0].isEmpty()) {
            return new int[0];
        }
        int n = trace.strings.size();
        // per term: 1 = the string contains it, 2 = it does not, 0 = not tested yet
        byte[][] contains = new byte[terms.length][n];
        int[] keyIds = new int[terms.length];
        boolean[] hex = new boolean[terms.length];
        boolean[] digits = new boolean[terms.length];
        for (int k = 0; k < terms.length; k++) {
            // an inline integer value can only contain a term of digits: no text made for the others
            digits[k] = terms[k].chars().allMatch(Character::isDigit);
            // only a term that could be part of a span id costs a hex string per span
            hex[k] = terms[k].length() <= 16 && terms[k].chars().allMatch(c -> Character.digit(c, 16) >= 0);
        }
        String[] values = new String[terms.length];
        for (int k = 0; k < terms.length; k++) {
            int eq = terms[k].indexOf('=');
            keyIds[k] = -1;
            if (eq > 0) {
                keyIds[k] = findIgnoreCase(trace.strings, terms[k].substring(0, eq));
                values[k] = terms[k].substring(eq + 1);
                if (keyIds[k] < 0) {
                    return new int[0];
                }
            }
        }
        int[] out = new int[16];
        int count = 0;
        int[] order = trace.preorder;
        for (int i = 0; i < order.length; i++) {
            int span = order[i];
            if ((trace.flags[span] & Trace.SYNTHETIC) != 0) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < terms.length && all; k++) {
                all = keyIds[k] >= 0 ? tagMatches(trace, span, keyIds[k], values[k])
                        : spanMatches(trace, span, terms[k], contains[k], hex[k],
                        digits[k]);
            }
            if (all) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = span;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static boolean spanMatches(Trace t, int span, String term, byte[] contains, boolean hex,
                                       boolean digits) {
        if (has(t, t.serviceId(span), term, contains) || has(t, t.operation[span], term, contains)
                || hex && t.spanIdHex(span).contains(term)) {
            return true;
        }
        Trace.KeyValues tags = t.tagStore;
        for (int x = t.tagOffset[span]; x < t.tagOffset[span + 1]; x++) {
            int value = tags.value[x];
            if (has(t, tags.key[x], term, contains)
                    || (value >= 0 ? has(t, value, term, contains)
                    : digits && Integer.toString(~value).contains(term))) {
                return true;
            }
        }
        return false;
    }

    private static boolean tagMatches(Trace t, int span, int key, String value) {
        Trace.KeyValues tags = t.tagStore;
        for (int x = t.tagOffset[span]; x < t.tagOffset[span + 1]; x++) {
            if (tags.key[x] == key && Trace.KeyValues.text(t.strings, tags.value[x]).toLowerCase(Locale.ROOT)
                    .contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Trace t, int id, String term, byte[] contains) {
        if (contains[id] == 0) {
            contains[id] = (byte) (t.strings.get(id).toLowerCase(Locale.ROOT).contains(term) ? 1 : 2);
        }
        return contains[id] == 1;
    }

    private static int findIgnoreCase(StringTable strings, String key) {
        for (int id = 0; id < strings.size(); id++) {
            if (strings.get(id).equalsIgnoreCase(key)) {
                return id;
            }
        }
        return -1;
    }

    /**
     * The match to step to from {@code current} (a span, or -1): the next one after it in display order, or the
     * previous one; wraps around. -1 when there are no matches.
     */
    public static int step(Trace trace, int[] matches, int current, boolean forward) {
        if (matches.length == 0) {
            return -1;
        }
        int at = -1;
        if (current >= 0) {
            // matches are in depth-first order: compare positions in that order
            int pos = trace.preorderPosition(current);
            int lo = 0;
            int hi = matches.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (trace.preorderPosition(matches[mid]) < pos) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            at = lo; // first match at or after current
            boolean onMatch = at < matches.length && matches[at] == current;
            if (forward) {
                at = onMatch ? at + 1 : at;
            } else {
                at = at - 1;
            }
        } else {
            at = forward ? 0 : matches.length - 1;
        }
        return matches[Math.floorMod(at, matches.length)];
    }
}
