package io.mirrorscope.core.mirror;

/** How a pair's replication delay was measured; always shown next to the delay. */
public enum DelayMethod {
    /** Both sides read live: the copy's arrival at MirrorScope minus the source timestamp (an upper bound). */
    LIVE_OBSERVED,
    /** The target topic stamps LogAppendTime: copy's append time minus source timestamp (exact). */
    LOG_APPEND_TIME,
    /** From the mirror's trace spans; set by the trace join, never guessed by the matcher. */
    TRACE_SPANS,
    /** Read from history with CreateTime on both sides: the delay cannot be known. */
    UNKNOWN
}
