package io.mirrorscope.ui.browser;

import io.mirrorscope.core.trace.TraceContext;

/**
 * A record the topic browser hands to another view ("Find on the mirror", "Open its trace"): where it is and what
 * identifies it there.
 *
 * @param cluster   the cluster's name as the browser shows it
 * @param topic     the topic
 * @param partition the partition
 * @param offset    the offset in the partition
 * @param timestamp the record's timestamp, epoch milliseconds (MirrorMaker 2 keeps it on the copy)
 * @param trace     the trace context in the record's headers (traceparent, uber-trace-id, b3), null when none
 */
public record RecordRef(String cluster, String topic, int partition, long offset, long timestamp, TraceContext trace) {

    /** True when the record's headers carry a trace context. */
    public boolean hasTrace() {
        return trace != null;
    }
}
