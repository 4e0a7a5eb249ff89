package io.mirrorscope.ui.common;

import io.mirrorscope.core.health.Verdict;
import io.mirrorscope.core.inventory.Health;
import java.util.Locale;

/**
 * How a status reads at a glance, for colouring: the theme's semantic colours (success, warning, danger, muted).
 * One mapping from the domain's states, so the topology, the navigation and the health view agree.
 */
public enum Severity {
    /** Nothing known (no data yet, an external cluster). */
    NEUTRAL,
    OK,
    WARNING,
    DANGER;

    /** The data's verdict: ok → OK, degraded → WARNING, failing → DANGER. */
    public static Severity of(Verdict verdict) {
        return switch (verdict) {
            case OK -> OK;
            case DEGRADED -> WARNING;
            case FAILING -> DANGER;
        };
    }

    /** A custom resource's status. */
    public static Severity of(Health health) {
        return switch (health) {
            case READY -> OK;
            case DEGRADED -> WARNING;
            case FAILED -> DANGER;
            case UNKNOWN -> NEUTRAL;
        };
    }

    /** The worse of two. */
    public Severity worst(Severity other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The style class that colours text or a swatch in this severity ({@code severity-ok}, …). */
    public String styleClass() {
        return "severity-" + name().toLowerCase(Locale.ROOT);
    }
}
