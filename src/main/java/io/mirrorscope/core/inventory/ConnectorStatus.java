package io.mirrorscope.core.inventory;

import java.util.List;

/**
 * A Kafka Connect REST {@code /connectors/<name>/status} body as Strimzi copies it into a status
 * ({@code KafkaMirrorMaker2.status.connectors[]}, {@code KafkaConnector.status.connectorStatus}).
 *
 * @param name  connector name, e.g. {@code europe->us.MirrorSourceConnector}
 * @param state RUNNING, PAUSED, FAILED, UNASSIGNED, STOPPED; null when not reported
 * @param trace the connector's failure trace; may be null
 * @param tasks task states
 */
public record ConnectorStatus(String name, String state, String trace, List<Task> tasks) {

    public ConnectorStatus {
        tasks = List.copyOf(tasks);
    }

    /** One task. */
    public record Task(int id, String state, String workerId, String trace) {
    }

    /** True when the connector or one of its tasks is FAILED. */
    public boolean failed() {
        return "FAILED".equals(state) || tasks.stream().anyMatch(t -> "FAILED".equals(t.state()));
    }

    /** FAILED → FAILED; PAUSED/UNASSIGNED/STOPPED anywhere → DEGRADED; all RUNNING → READY. */
    public Health health() {
        if (failed()) {
            return Health.FAILED;
        }
        boolean allRunning = "RUNNING".equals(state) && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
        return allRunning ? Health.READY : (state == null ? Health.UNKNOWN : Health.DEGRADED);
    }

    /** The first failure trace: the connector's, else the first failed task's; null when none. */
    public String firstTrace() {
        if (trace != null && !trace.isBlank()) {
            return trace;
        }
        return tasks.stream().filter(t -> "FAILED".equals(t.state()) && t.trace() != null)
                .map(Task::trace).findFirst().orElse(null);
    }
}
