package io.mirrorscope.sandbox;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.mirror.MirrorMaker;
import org.apache.kafka.connect.mirror.SourceAndTarget;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MirrorMaker 2 ({@code connect-mirror}, dedicated mode, in this JVM) replicating {@code source → target}
 * with the given replication policy. Its source consumer and its producer carry the sandbox's tracing interceptors;
 * the flow carries Connect's {@code Filter} transform with a {@code HasHeaderKey} predicate, idle until the drop fault
 * marks records ({@link MirrorConsumerFaults}).
 */
final class SandboxMirror implements AutoCloseable {

    /** Connector names as dedicated-mode MirrorMaker registers them. */
    static final List<String> CONNECTORS = List.of("MirrorSourceConnector", "MirrorCheckpointConnector",
            "MirrorHeartbeatConnector");

    private static final Logger LOG = LoggerFactory.getLogger(SandboxMirror.class);

    private final SourceAndTarget flow;
    private final MirrorMaker mirrorMaker;
    private final Map<String, String> properties;
    private boolean started;

    SandboxMirror(String sandboxId, String source, Map<String, Object> sourceClient, String target,
            Map<String, Object> targetClient, String topicsPattern, String replicationPolicy) {
        this.flow = new SourceAndTarget(source, target);
        String arrow = source + "->" + target;
        Map<String, String> p = new HashMap<>();
        p.put("clusters", source + "," + target);
        sourceClient.forEach((key, value) -> p.put(source + "." + key, String.valueOf(value)));
        targetClient.forEach((key, value) -> p.put(target + "." + key, String.valueOf(value)));
        p.put("replication.policy.class", replicationPolicy);
        p.put(arrow + ".enabled", "true");
        p.put(arrow + ".topics", topicsPattern);
        p.put(target + "->" + source + ".enabled", "false");
        for (String key : List.of("replication.factor", "offset-syncs.topic.replication.factor",
                "checkpoints.topic.replication.factor", "heartbeats.topic.replication.factor",
                "config.storage.replication.factor", "offset.storage.replication.factor",
                "status.storage.replication.factor")) {
            p.put(key, "1");
        }
        p.put("offset.storage.partitions", "5");
        p.put("status.storage.partitions", "1");
        p.put("sync.topic.acls.enabled", "false");
        p.put("refresh.topics.interval.seconds", "5");
        p.put("refresh.groups.interval.seconds", "30");
        p.put("emit.checkpoints.interval.seconds", "5");
        p.put("sync.group.offsets.enabled", "false");
        p.put("offset.flush.interval.ms", "1000");
        p.put("tasks.max", "1");
        // ServiceLoader discovery instead of scanning the whole class path (which took ~25 s on 2 busy cores)
        p.put("plugin.discovery", "service_load");
        p.put(target + ".plugin.discovery", "service_load");
        // the seed's traced mirror: interceptors on the source consumer and on the worker's producer
        p.put(source + ".consumer.interceptor.classes", MirrorConsumerTracing.class.getName() + ","
                + MirrorConsumerFaults.class.getName());
        p.put(source + ".consumer." + SandboxRegistry.CONFIG, sandboxId);
        p.put(target + ".producer.interceptor.classes", MirrorProducerTracing.class.getName());
        p.put(target + ".producer." + SandboxRegistry.CONFIG, sandboxId);
        p.put(target + ".producer.linger.ms", "0");
        // a mirror-side filter: Connect's Filter transform drops records that MirrorConsumerFaults marked
        p.put(arrow + ".transforms", "dropMarked");
        p.put(arrow + ".transforms.dropMarked.type", "org.apache.kafka.connect.transforms.Filter");
        p.put(arrow + ".transforms.dropMarked.predicate", "marked");
        p.put(arrow + ".predicates", "marked");
        p.put(arrow + ".predicates.marked.type", "org.apache.kafka.connect.transforms.predicates.HasHeaderKey");
        p.put(arrow + ".predicates.marked.name", MirrorConsumerFaults.DROP_HEADER);
        this.properties = Map.copyOf(p);
        this.mirrorMaker = new MirrorMaker(p, List.of(target), Time.SYSTEM);
    }

    /** The dedicated-mode properties MirrorMaker 2 runs with (the health view reads its transforms from them). */
    Map<String, String> properties() {
        return properties;
    }

    SourceAndTarget flow() {
        return flow;
    }

    void start() {
        mirrorMaker.start();
        started = true;
    }

    /** Waits until the source connector and its task run. */
    void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ConnectorStateInfo info = status("MirrorSourceConnector");
            if (info != null && "RUNNING".equals(info.connector().state()) && !info.tasks().isEmpty()
                    && info.tasks().stream().allMatch(t -> "RUNNING".equals(t.state()))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("MirrorMaker 2 " + flow + " did not reach RUNNING within " + timeout);
    }

    /** The Connect status of one of the flow's connectors, null while it is unknown. */
    ConnectorStateInfo status(String connector) {
        try {
            return mirrorMaker.connectorStatus(flow, connector);
        } catch (RuntimeException e) {
            LOG.debug("no status for {} yet: {}", connector, e.toString());
            return null;
        }
    }

    /** Pauses the source connector through the Connect herder: its tasks stop, the status says PAUSED. */
    void pause() {
        herder().pauseConnector("MirrorSourceConnector");
    }

    void resume() {
        herder().resumeConnector("MirrorSourceConnector");
    }

    private Herder herder() {
        // MirrorMaker keeps its Connect herders private; the sandbox needs the one of its flow to pause it for real
        try {
            Field field = MirrorMaker.class.getDeclaredField("herders");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<SourceAndTarget, Herder> herders = (Map<SourceAndTarget, Herder>) field.get(mirrorMaker);
            Herder herder = herders.get(flow);
            if (herder == null) {
                throw new IllegalStateException("MirrorMaker has no herder for " + flow);
            }
            return herder;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach MirrorMaker's herder", e);
        }
    }

    @Override
    public void close() {
        if (started) {
            started = false;
            // on SIGTERM MirrorMaker's own shutdown hook may be stopping it already (then stop() returns at once):
            // wait until it is down, before the brokers under it go away
            mirrorMaker.stop();
            mirrorMaker.awaitStop();
        }
    }
}
