package io.mirrorscope.core.records;

import java.util.Locale;
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
        return matchesText(record) && matchesHeader(record);
    }

    private boolean matchesText(DecodedRecord record) {
        if (text.isEmpty()) {
            return true;
        }
        if (regex) {
            if (regexError() != null) {
                return false;
            }
            Pattern p = Pattern.compile(text);
            return find(p, record.key()) || find(p, record.value());
        }
        String needle = text.toLowerCase(Locale.ROOT);
        return contains(record.key(), needle) || contains(record.value(), needle);
    }

    private boolean matchesHeader(DecodedRecord record) {
        if (headerName.isEmpty()) {
            return true;
        }
        String needle = headerValue.toLowerCase(Locale.ROOT);
        return record.headers().stream().anyMatch(h -> h.name().equals(headerName)
                && (needle.isEmpty() || contains(h.value(), needle)));
    }

    private static boolean find(Pattern p, DecodedValue v) {
        return v.text() != null && p.matcher(v.text()).find();
    }

    private static boolean contains(DecodedValue v, String lowerNeedle) {
        return v.text() != null && v.text().toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }
}
