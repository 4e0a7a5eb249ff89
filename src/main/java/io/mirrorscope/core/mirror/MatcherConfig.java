package io.mirrorscope.core.mirror;

import java.util.Objects;

/**
 * How a {@link RecordMatcher} pairs and how much it keeps.
 *
 * @param pairing     how copies find their source record
 * @param compacted   the topic is compacted ({@code cleanup.policy=compact}): pair by key, and older versions of a
 *                    key skipped on either side are "compacted away", not missing
 * @param window      source records kept per run (default 200,000); older ones are folded into the counters
 * @param graceMillis how long a target partition must stay idle before an uncopied record counts as missing
 * @param maxFindings missing and duplicate records listed one by one (counters stay exact beyond it)
 */
public record MatcherConfig(Pairing pairing, boolean compacted, int window, long graceMillis, int maxFindings) {

    public static final int DEFAULT_WINDOW = 200_000;
    public static final long DEFAULT_GRACE_MILLIS = 30_000;

    public MatcherConfig {
        Objects.requireNonNull(pairing, "pairing");
        if (window < 1 || graceMillis < 0 || maxFindings < 0) {
            throw new IllegalArgumentException("window must be positive, grace and maxFindings not negative");
        }
        if (compacted) {
            pairing = Pairing.KEY;
        }
    }

    /** Order pairing, not compacted, a 200,000-record window, 30 s grace, 100,000 findings. */
    public static MatcherConfig defaults() {
        return new MatcherConfig(Pairing.ORDER, false, DEFAULT_WINDOW, DEFAULT_GRACE_MILLIS, 100_000);
    }

    public MatcherConfig withPairing(Pairing p) {
        return new MatcherConfig(p, compacted, window, graceMillis, maxFindings);
    }

    public MatcherConfig withCompacted(boolean c) {
        return new MatcherConfig(pairing, c, window, graceMillis, maxFindings);
    }

    public MatcherConfig withWindow(int w) {
        return new MatcherConfig(pairing, compacted, w, graceMillis, maxFindings);
    }

    public MatcherConfig withGraceMillis(long g) {
        return new MatcherConfig(pairing, compacted, window, g, maxFindings);
    }

    public MatcherConfig withMaxFindings(int m) {
        return new MatcherConfig(pairing, compacted, window, graceMillis, m);
    }
}
