package io.mirrorscope.tracing;

import java.util.Map;

/**
 * A trace search, as the Jaeger UI's search form asks it.
 *
 * @param service           required
 * @param operation         null or empty for all
 * @param tags              tag key → value, all must match; may be empty
 * @param startMicros       epoch microseconds, the earliest span start
 * @param endMicros         epoch microseconds, the latest span start
 * @param minDurationMicros 0 for no minimum
 * @param maxDurationMicros 0 for no maximum
 * @param limit             traces at most (Jaeger's default is 20)
 */
public record TraceQuery(String service, String operation, Map<String, String> tags, long startMicros,
                         long endMicros, long minDurationMicros, long maxDurationMicros, int limit) {

    public TraceQuery {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("a trace search needs a service");
        }
        if (endMicros <= startMicros) {
            throw new IllegalArgumentException("the search's end must be after its start");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("the limit must be at least 1");
        }
        tags = Map.copyOf(tags);
    }
}
