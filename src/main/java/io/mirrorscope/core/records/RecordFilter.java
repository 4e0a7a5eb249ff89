package io.mirrorscope.core.records;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which records a browser shows: a text to find in the key or value (substring, case-insensitive, or a regular
 * expression) and a header name that must be present (optionally with a value containing some text).
 * Empty parts match everything. Filters run on decoded text, so Base64/hex text is searched for binary data.
 *
 * @param text        substring or regex to find in key or value; empty for any
 * @param regex       true when {@code text} is a regular expression
 * @param headerName  a header that must be present; empty for any
 * @param headerValue text the header's value must contain; empty for any
 */
public record RecordFilter(String text, boolean regex, String headerName, String headerValue)
        implements Predicate<DecodedRecord> {

    /** Shows everything. */
    public static final RecordFilter NONE = new RecordFilter("", false, "", "");

    public RecordFilter {
        text = text == null ? "" : text;
        headerName = headerName == null ? "" : headerName.strip();
        headerValue = headerValue == null ? "" : headerValue;
    }

    /** Checks that a regex compiles; returns the error text or null. For inline validation in the UI. */
    public String regexError() {
        if (!regex || text.isEmpty()) {
            return null;
        }
        try {
            Pattern.compile(text);
            return null;
        } catch (PatternSyntaxException e) {
            return e.getDescription() + " at index " + e.getIndex();
        }
    }

    @Override
    public boolean test(DecodedRecord record) {
        return compiled().test(record);
    }

    /**
     * This filter with its pattern compiled once, for testing many records (a table of 100,000 rows); a bad regex
     * matches nothing. A substring is searched without case and without copying the record's text.
     */
    public Predicate<DecodedRecord> compiled() {
        if (!text.isEmpty() && regexError() != null) {
            return record -> false;
        }
        Predicate<String> findText = text.isEmpty() ? null
                : regex ? Pattern.compile(text).asPredicate() : t -> containsIgnoreCase(t, text);
        return record -> (findText == null || find(findText, record.key()) || find(findText, record.value()))
                && (headerName.isEmpty() || record.headers().stream().anyMatch(h -> h.name().equals(headerName)
                        && (headerValue.isEmpty() || find(t -> containsIgnoreCase(t, headerValue), h.value()))));
    }

    /**
     * Whether {@code needle} occurs in {@code hay}, ignoring case as {@link String#regionMatches(boolean, int,
     * String, int, int)} does; scans for the needle's first character before comparing, and copies nothing (a
     * case-insensitive literal {@link Pattern} was slower, lower-casing every value allocates a copy of it).
     */
    static boolean containsIgnoreCase(String hay, String needle) {
        int n = needle.length();
        if (n == 0) {
            return true;
        }
        char lower = Character.toLowerCase(needle.charAt(0));
        char upper = Character.toUpperCase(needle.charAt(0));
        for (int i = 0, max = hay.length() - n; i <= max; i++) {
            char c = hay.charAt(i);
            if ((c == lower || c == upper || Character.toLowerCase(c) == lower)
                    && hay.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** True when this filter lets every record through. */
    public boolean isEmpty() {
        return text.isEmpty() && headerName.isEmpty();
    }

    private static boolean find(Predicate<String> found, DecodedValue v) {
        return v.text() != null && found.test(v.text());
    }
}
