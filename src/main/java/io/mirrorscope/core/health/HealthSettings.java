package io.mirrorscope.core.health;

import java.time.Duration;

/**
 * The thresholds of the verdict.
 *
 * @param unreachableAfter    a cluster with no answer for this long makes its links failing (the bar: red
 *                            within 10 s; the monitor's own call timeout and interval come on top, so keep it lower)
 * @param heartbeatStaleAfter the newest replicated heartbeat older than this makes the link degraded (MM2 emits one
 *                            per second by default)
 * @param trendSamples        how many samples a trend (gap growing, target slower) is judged over
 * @param historySamples      how many samples each partition keeps (the sparkline's length)
 * @param rateTolerance       the target counts as slower only below {@code (1 - tolerance) × source rate}
 */
public record HealthSettings(Duration unreachableAfter, Duration heartbeatStaleAfter, int trendSamples,
                             int historySamples, double rateTolerance) {

    /** 5 s unreachable, 20 s heartbeat staleness, trends over 5 samples, 120 samples of history, 10 % tolerance. */
    public static final HealthSettings DEFAULTS = new HealthSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), 5,
            120, 0.10);

    public HealthSettings {
        if (trendSamples < 2 || historySamples < trendSamples) {
            throw new IllegalArgumentException("need 2 <= trendSamples <= historySamples");
        }
    }

    public HealthSettings withTrendSamples(int n) {
        return new HealthSettings(unreachableAfter, heartbeatStaleAfter, n, Math.max(n, historySamples),
                rateTolerance);
    }

    public HealthSettings withHeartbeatStaleAfter(Duration d) {
        return new HealthSettings(unreachableAfter, d, trendSamples, historySamples, rateTolerance);
    }

    public HealthSettings withUnreachableAfter(Duration d) {
        return new HealthSettings(d, heartbeatStaleAfter, trendSamples, historySamples, rateTolerance);
    }
}
