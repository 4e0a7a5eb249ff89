package io.mirrorscope.core.trace;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Jaeger's search takes and shows them: Go's form ({@code 250us}, {@code 1.5s}, {@code 1h30m}). */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {
    }

    /**
     * Microseconds of {@code text}.
     *
     * @throws IllegalArgumentException when it is not a Go duration, saying which forms are accepted
     */
    public static long parseMicros(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(t);
        double micros = 0;
        int at = 0;
        while (at < t.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            micros += switch (m.group(2)) {
                case "ns" -> n / 1000;
                case "us", "µs" -> n;
                case "ms" -> n * 1000;
                case "s" -> n * 1_000_000;
                case "m" -> n * 60_000_000;
                default -> n * 3_600_000_000L;
            };
            at = m.end();
        }
        if (t.isEmpty() || at != t.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 250us, 100ms, 1.5s, 2m");
        }
        return Math.round(micros);
    }

    /** A short human form: {@code 850µs}, {@code 12.3ms}, {@code 1.25s}, {@code 3m5s}. */
    public static String format(long micros) {
        if (micros < 1000) {
            return micros + "µs";
        }
        if (micros < 1_000_000) {
            return trim(String.format(Locale.ROOT, "%.2f", micros / 1000.0)) + "ms";
        }
        if (micros < 60_000_000) {
            return trim(String.format(Locale.ROOT, "%.2f", micros / 1_000_000.0)) + "s";
        }
        long seconds = micros / 1_000_000;
        return seconds / 60 + "m" + seconds % 60 + "s";
    }

    private static String trim(String number) {
        return number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
    }
}
