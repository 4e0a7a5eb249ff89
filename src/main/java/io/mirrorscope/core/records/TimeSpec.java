package io.mirrorscope.core.records;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the times an operator types: an ISO instant ({@code 2026-11-25T01:00:00Z}), an offset date-time, a local
 * date-time or date (in the given zone), epoch milliseconds, or a relative time ago ({@code 15m}, {@code 2h},
 * {@code 1d}, {@code 30s}, optionally with a leading minus).
 */
public final class TimeSpec {

    private static final Pattern RELATIVE = Pattern.compile("-?(\\d+)\\s*(ms|s|m|h|d)");

    private TimeSpec() {
    }

    /** Epoch milliseconds of {@code text}; throws {@link IllegalArgumentException} with the accepted forms. */
    public static long parse(String text, Instant now, ZoneId zone) {
        String t = text == null ? "" : text.strip();
        Matcher m = RELATIVE.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration ago = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(ago).toEpochMilli();
        }
        if (t.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*")) {
            t = t.replaceFirst(" ", "T"); // "2026-11-25 02:00" as people type it (and the table shows times)
        }
        if (t.matches("\\d{10,}")) {
            return Long.parseLong(t);
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException notOffset) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException notLocal) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException notDate) {
            throw new IllegalArgumentException("cannot read time '" + text + "': use 2026-11-25T01:00:00Z, "
                    + "2026-11-25T02:00, 2026-11-25, epoch milliseconds, or a time ago like 15m, 2h, 1d");
        }
    }
}
