package io.mirrorscope.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The Admin client with only its read calls: describe the cluster, list and describe topics, describe topic
 * configs (one or many), list offsets and offsets for a time. Nothing else exists here, so nothing else can be
 * called; the Admin itself never leaves this class.
 */
public final class ReadOnlyAdmin implements AutoCloseable {

    /** A broker as the cluster describes it. */
    public record Broker(int id, String host, int port, String rack) {
    }

    /** The cluster as described by its brokers. */
    public record ClusterView(String clusterId, Integer controllerId, List<Broker> brokers) {
    }

    private final Admin admin;
    private final ConnectionSettings settings;
    private final Duration timeout;

    ReadOnlyAdmin(Admin admin, ConnectionSettings settings, Duration timeout) {
        this.admin = admin;
        this.settings = settings;
        this.timeout = timeout;
    }

    /** Cluster id, controller and brokers. */
    public ClusterView describeCluster() {
        return call(() -> {
            DescribeClusterResult r = admin.describeCluster();
            String id = r.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Node controller = r.controller().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<Broker> brokers = r.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .map(n -> new Broker(n.id(), n.host(), n.port(), n.rack()))
                    .sorted(java.util.Comparator.comparingInt(Broker::id))
                    .toList();
            return new ClusterView(id, controller == null || controller.isEmpty() ? null : controller.id(), brokers);
        });
    }

    /** Topic names, sorted; internal topics only when asked. */
    public Set<String> topicNames(boolean includeInternal) {
        return call(() -> new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(includeInternal))
                .names().get(timeout.toMillis(), TimeUnit.MILLISECONDS)));
    }

    /** Partitions, leaders and replicas of the given topics. */
    public Map<String, TopicDescription> describeTopics(Collection<String> topics) {
        return call(() -> admin.describeTopics(topics).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** A topic's effective configuration (name → value; sensitive values stay null as the broker sends them). */
    public Map<String, String> describeTopicConfig(String topic) {
        return call(() -> {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
            Map<String, String> out = new LinkedHashMap<>();
            for (ConfigEntry e : config.entries()) {
                out.put(e.name(), e.isSensitive() ? null : e.value());
            }
            return out;
        });
    }

    /**
     * Several topics' effective configurations in one DescribeConfigs request (name → value; sensitive values
     * null). The health monitor compares thousands of topics per round, one request per topic would not do.
     */
    public Map<String, Map<String, String>> describeTopicConfigs(Collection<String> topics) {
        return call(() -> {
            List<ConfigResource> resources = topics.stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            configs.forEach((resource, config) -> {
                Map<String, String> values = new LinkedHashMap<>();
                for (ConfigEntry e : config.entries()) {
                    values.put(e.name(), e.isSensitive() ? null : e.value());
                }
                out.put(resource.name(), values);
            });
            return out;
        });
    }

    /** Earliest offsets (the first still on the broker). */
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
        return listOffsets(partitions, OffsetSpec.earliest(), IsolationLevel.READ_UNCOMMITTED);
    }

    /** End offsets; under read_committed the last stable offset. */
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, IsolationLevel isolation) {
        return listOffsets(partitions, OffsetSpec.latest(), isolation);
    }

    /**
     * The first offset at or after {@code epochMillis} per partition; a partition maps to null when nothing is at
     * or after that time.
     */
    public Map<TopicPartition, Long> offsetsForTime(Collection<TopicPartition> partitions, long epochMillis) {
        return listOffsets(partitions, OffsetSpec.forTimestamp(epochMillis), IsolationLevel.READ_UNCOMMITTED);
    }

    private Map<TopicPartition, Long> listOffsets(Collection<TopicPartition> partitions, OffsetSpec spec,
            IsolationLevel isolation) {
        return call(() -> {
            Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
            partitions.forEach(tp -> request.put(tp, spec));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin
                    .listOffsets(request, new org.apache.kafka.clients.admin.ListOffsetsOptions(isolation))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> out = new LinkedHashMap<>();
            for (TopicPartition tp : partitions) {
                ListOffsetsResult.ListOffsetsResultInfo info = result.get(tp);
                out.put(tp, info == null || info.offset() < 0 ? null : info.offset());
            }
            return out;
        });
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws Exception;
    }

    private <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KafkaProblems.exception(e, settings);
        } catch (java.util.concurrent.TimeoutException e) {
            throw KafkaProblems.exception(new org.apache.kafka.common.errors.TimeoutException(
                    "no answer within " + timeout.toSeconds() + " s", e), settings);
        } catch (Exception e) {
            throw KafkaProblems.exception(e, settings);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
