package io.mirrorscope.core.inventory;

import java.util.List;

/**
 * One entry of a Strimzi (or other operator's) {@code status.conditions}.
 *
 * @param type               Ready, NotReady, Warning, ReconciliationPaused, …
 * @param status             "True", "False" or "Unknown"
 * @param reason             a machine-readable reason; may be null
 * @param message            the operator's message; may be null
 * @param lastTransitionTime as written by the operator (formats differ between releases); may be null
 */
public record Condition(String type, String status, String reason, String message, String lastTransitionTime) {

    /** True when this condition is set ({@code status == "True"}). */
    public boolean isTrue() {
        return "True".equalsIgnoreCase(status);
    }

    /** Ready means a condition {@code type==Ready && status=="True"}. */
    public static boolean ready(List<Condition> conditions) {
        return conditions.stream().anyMatch(c -> "Ready".equals(c.type()) && c.isTrue());
    }

    /**
     * Health from conditions alone: no conditions → UNKNOWN; Ready=True → READY (DEGRADED with a Warning);
     * NotReady=True or Ready=False → FAILED; anything else → UNKNOWN.
     */
    public static Health health(List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return Health.UNKNOWN;
        }
        boolean warning = conditions.stream().anyMatch(c -> "Warning".equals(c.type()) && c.isTrue());
        if (ready(conditions)) {
            return warning ? Health.DEGRADED : Health.READY;
        }
        boolean failed = conditions.stream().anyMatch(c -> ("NotReady".equals(c.type()) && c.isTrue())
                || ("Ready".equals(c.type()) && "False".equalsIgnoreCase(c.status())));
        if (failed) {
            return Health.FAILED;
        }
        return warning ? Health.DEGRADED : Health.UNKNOWN;
    }
}
