package io.mirrorscope.core.inventory;

/** How healthy a cluster, mirror or link looks from its Kubernetes status; drives icons and arrow colours. */
public enum Health {
    /** Ready=True and, for mirrors, every connector and task RUNNING. */
    READY,
    /** Working, but something needs attention (a Warning condition, a PAUSED task, an unassigned connector). */
    DEGRADED,
    /** Ready=False/NotReady, or a connector or task FAILED. */
    FAILED,
    /** No status yet, or an address outside the namespaces read. */
    UNKNOWN;

    /** The worse of two health values (FAILED beats DEGRADED beats UNKNOWN beats READY). */
    public Health worst(Health other) {
        return rank(this) >= rank(other) ? this : other;
    }

    private static int rank(Health h) {
        return switch (h) {
            case READY -> 0;
            case UNKNOWN -> 1;
            case DEGRADED -> 2;
            case FAILED -> 3;
        };
    }
}
