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
     * matches nothing. A substring is searched without case through a literal pattern, so no record's text is
     * copied to lower case.
     */
    public Predicate<DecodedRecord> compiled() {
        Pattern pattern = text.isEmpty() || regexError() != null ? null
                : regex ? Pattern.compile(text)
                : Pattern.compile(text, Pattern.LITERAL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        boolean badRegex = !text.isEmpty() && pattern == null;
        Pattern headerPattern = headerValue.isEmpty() ? null
                : Pattern.compile(headerValue, Pattern.LITERAL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return record -> !badRegex
                && (pattern == null || find(pattern, record.key()) || find(pattern, record.value()))
                && (headerName.isEmpty() || record.headers().stream().anyMatch(h -> h.name().equals(headerName)
                        && (headerPattern == null || find(headerPattern, h.value()))));
    }

    /** True when this filter lets every record through. */
    public boolean isEmpty() {
        return text.isEmpty() && headerName.isEmpty();
    }

    private static boolean find(Pattern p, DecodedValue v) {
        return v.text() != null && p.matcher(v.text()).find();
    }
}
