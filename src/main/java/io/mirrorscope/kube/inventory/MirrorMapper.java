package io.mirrorscope.kube.inventory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrorscope.core.Redactor;
import io.mirrorscope.core.inventory.Condition;
import io.mirrorscope.core.inventory.ConnectorStatus;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.MirrorKind;
import io.mirrorscope.core.inventory.MirrorLink;
import io.mirrorscope.core.inventory.ResourceMeta;
import io.mirrorscope.core.inventory.TopicNaming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps KafkaMirrorMaker (MM1), KafkaMirrorMaker2 (v1alpha1/v1beta2 {@code clusters[]} + {@code connectCluster},
 * and v1 {@code target} + {@code mirrors[].source}) and MirrorSourceConnector KafkaConnectors to {@link Mirror}s.
 */
public final class MirrorMapper {

    static final String POLICY_CLASS = "replication.policy.class";
    static final String SEPARATOR = "replication.policy.separator";

    private MirrorMapper() {
    }

    /** MirrorMaker 1: consumer = source, producer = target, topic names kept. */
    public static Mirror mirrorMaker(GenericKubernetesResource r) {
        Fields f = new Fields();
        ResourceMeta meta = Meta.of(r);
        Map<String, Object> root = Meta.root(r);
        if (!Fields.has(root, "spec")) {
            f.note("spec is missing");
        }
        Map<String, Object> spec = f.map(root, "spec", "spec");
        Map<String, Object> status = f.map(root, "status", "status");
        String source = f.str(f.map(spec, "consumer", "spec.consumer"), "bootstrapServers",
                "spec.consumer.bootstrapServers");
        String target = f.str(f.map(spec, "producer", "spec.producer"), "bootstrapServers",
                "spec.producer.bootstrapServers");
        // v1beta2 renamed whitelist to include; both may be present during a migration, include wins.
        String topics = f.str(spec, "include", "spec.include");
        if (topics == null) {
            topics = f.str(spec, "whitelist", "spec.whitelist");
        }
        if (Fields.has(root, "spec") && (source == null || target == null)) {
            f.note("spec." + (source == null ? "consumer" : "producer") + ".bootstrapServers is missing");
        }
        List<Condition> conditions = Meta.conditions(f, status);
        MirrorLink link = new MirrorLink(null, source, null, target, topics == null ? ".*" : topics,
                f.str(spec, "exclude", "spec.exclude"), TopicNaming.identity(), Condition.health(conditions));
        return new Mirror(meta, MirrorKind.KafkaMirrorMaker, conditions, List.of(link), List.of(),
                f.integer(spec, "replicas", "spec.replicas", 0, Integer.MAX_VALUE), f.notes());
    }

    /** MirrorMaker 2 in any shape; one link per {@code spec.mirrors[]} entry. */
    public static Mirror mirrorMaker2(GenericKubernetesResource r) {
        Fields f = new Fields();
        ResourceMeta meta = Meta.of(r);
        Map<String, Object> root = Meta.root(r);
        if (!Fields.has(root, "spec")) {
            f.note("spec is missing");
        }
        Map<String, Object> spec = f.map(root, "spec", "spec");
        Map<String, Object> status = f.map(root, "status", "status");
        List<Condition> conditions = Meta.conditions(f, status);
        List<ConnectorStatus> connectors = new ArrayList<>();
        for (Map<String, Object> c : f.maps(status, "connectors", "status.connectors")) {
            connectors.add(connectorStatus(f, c, "status.connectors"));
        }
        Health crHealth = Condition.health(conditions);

        List<MirrorLink> links = new ArrayList<>();
        boolean v1Shape = Fields.has(spec, "target");
        Map<String, Object> v1Target = f.map(spec, "target", "spec.target");
        List<Map<String, Object>> clusters = f.maps(spec, "clusters", "spec.clusters");
        String connectCluster = f.str(spec, "connectCluster", "spec.connectCluster");
        List<Map<String, Object>> mirrors = f.maps(spec, "mirrors", "spec.mirrors");
        if (Fields.has(root, "spec") && mirrors.isEmpty()) {
            f.note("spec.mirrors is empty: this MirrorMaker 2 mirrors nothing");
        }
        Set<String> duplicated = duplicateAliases(f, clusters, mirrors, v1Shape);
        for (int i = 0; i < mirrors.size(); i++) {
            Map<String, Object> m = mirrors.get(i);
            String at = "spec.mirrors[" + i + "]";
            String srcAlias;
            String srcBootstrap;
            String tgtAlias;
            String tgtBootstrap;
            Map<String, Object> tgtConfig;
            if (v1Shape) {
                Map<String, Object> src = f.map(m, "source", at + ".source");
                srcAlias = f.str(src, "alias", at + ".source.alias");
                srcBootstrap = f.str(src, "bootstrapServers", at + ".source.bootstrapServers");
                tgtAlias = f.str(v1Target, "alias", "spec.target.alias");
                tgtBootstrap = f.str(v1Target, "bootstrapServers", "spec.target.bootstrapServers");
                tgtConfig = f.map(v1Target, "config", "spec.target.config");
            } else {
                srcAlias = f.str(m, "sourceCluster", at + ".sourceCluster");
                tgtAlias = f.str(m, "targetCluster", at + ".targetCluster");
                if (tgtAlias == null) {
                    tgtAlias = connectCluster;
                }
                Map<String, Object> src = byAlias(clusters, srcAlias);
                Map<String, Object> tgt = byAlias(clusters, tgtAlias);
                srcBootstrap = f.str(src, "bootstrapServers", "spec.clusters[" + srcAlias + "].bootstrapServers");
                tgtBootstrap = f.str(tgt, "bootstrapServers", "spec.clusters[" + tgtAlias + "].bootstrapServers");
                tgtConfig = f.map(tgt, "config", "spec.clusters[" + tgtAlias + "].config");
            }
            Map<String, Object> srcConnector = f.map(m, "sourceConnector", at + ".sourceConnector");
            Map<String, Object> srcConfig = f.map(srcConnector, "config", at + ".sourceConnector.config");
            Map<String, Object> cpConfig = f.map(f.map(m, "checkpointConnector", at + ".checkpointConnector"),
                    "config", at + ".checkpointConnector.config");
            String policy = firstOf(f, POLICY_CLASS, srcConfig, cpConfig, tgtConfig);
            String separator = firstOf(f, SEPARATOR, srcConfig, cpConfig, tgtConfig);
            String topics = f.str(m, "topicsPattern", at + ".topicsPattern");
            String exclude = f.str(m, "topicsExcludePattern", at + ".topicsExcludePattern");
            if (exclude == null) {
                exclude = f.str(m, "topicsBlacklistPattern", at + ".topicsBlacklistPattern");
            }
            MirrorLink link = new MirrorLink(srcAlias, srcBootstrap, tgtAlias, tgtBootstrap,
                    topics == null ? ".*" : topics, exclude, TopicNaming.mirrorMaker2(policy, srcAlias, separator),
                    Health.UNKNOWN, sourceConnectorConfig(srcConfig, policy, separator, exclude));
            Health h = crHealth.worst(sanity(f, at, link, v1Shape, clusters, duplicated));
            for (ConnectorStatus c : connectors) {
                if (c.name() != null && c.name().startsWith(link.connectorPrefix())) {
                    h = h.worst(c.health());
                }
            }
            links.add(link.withHealth(h));
        }
        return new Mirror(meta, MirrorKind.KafkaMirrorMaker2, conditions, links, connectors,
                f.integer(spec, "replicas", "spec.replicas", 0, Integer.MAX_VALUE), f.notes());
    }

    /**
     * Aliases that name two different clusters: two {@code spec.clusters} entries with one alias (v1beta2), or two
     * {@code mirrors[].source} with one alias but different bootstrap servers (v1). Each is noted once.
     */
    private static Set<String> duplicateAliases(Fields f, List<Map<String, Object>> clusters,
                                                List<Map<String, Object>> mirrors, boolean v1Shape) {
        Map<String, Set<String>> bootstrapsByAlias = new LinkedHashMap<>();
        Map<String, Integer> entries = new LinkedHashMap<>();
        if (v1Shape) {
            for (Map<String, Object> m : mirrors) {
                Map<String, Object> src = m.get("source") instanceof Map<?, ?> ? f.map(m, "source", "") : Map.of();
                String alias = src.get("alias") == null ? null : String.valueOf(src.get("alias"));
                if (alias != null) {
                    bootstrapsByAlias.computeIfAbsent(alias, a -> new LinkedHashSet<>())
                            .add(String.valueOf(src.get("bootstrapServers")));
                }
            }
            bootstrapsByAlias.forEach((alias, bootstraps) -> entries.put(alias, bootstraps.size()));
        } else {
            for (Map<String, Object> c : clusters) {
                if (c.get("alias") != null) {
                    entries.merge(String.valueOf(c.get("alias")), 1, Integer::sum);
                }
            }
        }
        Set<String> duplicated = new LinkedHashSet<>();
        entries.forEach((alias, count) -> {
            if (count > 1) {
                duplicated.add(alias);
                f.note((v1Shape ? "spec.mirrors[].source" : "spec.clusters") + ": alias \"" + alias
                        + "\" names " + count + " different clusters; MirrorMaker 2 cannot tell them apart");
            }
        });
        return duplicated;
    }

    /**
     * What makes a mirrors[] entry unable to mirror, noted on the mirror: FAILED without a source, when source
     * and target are one cluster, or when its aliases are not in {@code spec.clusters}; DEGRADED when an alias it
     * uses is duplicated. READY when nothing is wrong (then the status decides).
     */
    private static Health sanity(Fields f, String at, MirrorLink link, boolean v1Shape,
                                 List<Map<String, Object>> clusters, Set<String> duplicated) {
        if (link.sourceAlias() == null && link.sourceBootstrap() == null) {
            f.note(at + " has no source cluster: it mirrors nothing");
            return Health.FAILED;
        }
        if (link.targetAlias() == null && link.targetBootstrap() == null) {
            f.note(at + " has no target cluster" + (v1Shape ? " (spec.target)" : " (targetCluster or connectCluster)")
                    + ": it mirrors nothing");
            return Health.FAILED;
        }
        boolean sameAlias = link.sourceAlias() != null && link.sourceAlias().equals(link.targetAlias());
        boolean sameBootstrap = link.sourceBootstrap() != null
                && link.sourceBootstrap().equals(link.targetBootstrap());
        if (sameAlias || sameBootstrap) {
            f.note(at + ": source and target are the same cluster ("
                    + (sameAlias ? "alias \"" + link.sourceAlias() + "\"" : link.sourceBootstrap())
                    + "): it would mirror topics onto themselves");
            return Health.FAILED;
        }
        if (!v1Shape) {
            List<String> unknown = new ArrayList<>();
            for (String alias : new String[] {link.sourceAlias(), link.targetAlias()}) {
                if (alias != null && clusters.stream().noneMatch(c -> alias.equals(c.get("alias")))) {
                    unknown.add(alias);
                }
            }
            if (!unknown.isEmpty()) {
                f.note(at + ": " + (unknown.size() == 2 ? "neither alias" : "alias") + " \""
                        + String.join("\" nor \"", unknown) + "\" is in spec.clusters ("
                        + String.join(", ", clusters.stream().map(c -> String.valueOf(c.get("alias"))).toList())
                        + "): it cannot connect");
                return Health.FAILED;
            }
        }
        if (duplicated.contains(link.sourceAlias()) || duplicated.contains(link.targetAlias())) {
            return Health.DEGRADED;
        }
        return Health.READY;
    }

    /**
     * A KafkaConnector. Only a {@code MirrorSourceConnector} moves records, so only it becomes a mirror;
     * any other class (checkpoint, heartbeat, file, …) gives null.
     */
    public static Mirror connector(GenericKubernetesResource r) {
        Fields f = new Fields();
        Map<String, Object> root = Meta.root(r);
        Map<String, Object> spec = f.map(root, "spec", "spec");
        String cls = f.str(spec, "class", "spec.class");
        if (cls == null || !cls.endsWith("MirrorSourceConnector")) {
            return null;
        }
        ResourceMeta meta = Meta.of(r);
        Map<String, Object> status = f.map(root, "status", "status");
        Map<String, Object> config = f.map(spec, "config", "spec.config");
        // Defaults of MirrorConnectorConfig: aliases "source" and "target", all topics.
        String srcAlias = orElse(f.str(config, "source.cluster.alias", "spec.config.source.cluster.alias"), "source");
        String tgtAlias = orElse(f.str(config, "target.cluster.alias", "spec.config.target.cluster.alias"), "target");
        String topics = f.str(config, "topics", "spec.config.topics");
        String exclude = f.str(config, "topics.exclude", "spec.config.topics.exclude");
        if (exclude == null) {
            exclude = f.str(config, "topics.blacklist", "spec.config.topics.blacklist");
        }
        List<Condition> conditions = Meta.conditions(f, status);
        List<ConnectorStatus> connectors = new ArrayList<>();
        Map<String, Object> cs = f.map(status, "connectorStatus", "status.connectorStatus");
        if (!cs.isEmpty()) {
            connectors.add(connectorStatus(f, cs, "status.connectorStatus"));
        }
        Health h = Condition.health(conditions);
        for (ConnectorStatus c : connectors) {
            h = h.worst(c.health());
        }
        MirrorLink link = new MirrorLink(srcAlias,
                f.str(config, "source.cluster.bootstrap.servers", "spec.config.source.cluster.bootstrap.servers"),
                tgtAlias,
                f.str(config, "target.cluster.bootstrap.servers", "spec.config.target.cluster.bootstrap.servers"),
                topics == null ? ".*" : topicsRegex(topics), exclude == null ? null : topicsRegex(exclude),
                TopicNaming.mirrorMaker2(f.str(config, POLICY_CLASS, "spec.config." + POLICY_CLASS), srcAlias,
                        f.str(config, SEPARATOR, "spec.config." + SEPARATOR)), h, strings(config));
        if (link.sourceBootstrap() == null) {
            f.note("spec.config.source.cluster.bootstrap.servers is missing");
        }
        return new Mirror(meta, MirrorKind.KafkaConnector, conditions, List.of(link), connectors,
                f.integer(spec, "tasksMax", "spec.tasksMax", 1, Integer.MAX_VALUE), f.notes());
    }

    /**
     * What the source connector of an MM2 flow runs with: its own {@code sourceConnector.config}, plus the policy,
     * separator and exclusion the operator set elsewhere on the resource (the checkpoint connector's config, the
     * target cluster's config, {@code topicsExcludePattern}), so a reader of the link sees one configuration.
     */
    private static Map<String, String> sourceConnectorConfig(Map<String, Object> srcConfig, String policy,
                                                             String separator, String exclude) {
        Map<String, String> out = strings(srcConfig);
        if (policy != null) {
            out.putIfAbsent(POLICY_CLASS, policy);
        }
        if (separator != null) {
            out.putIfAbsent(SEPARATOR, separator);
        }
        if (exclude != null) {
            out.putIfAbsent("topics.exclude", exclude);
        }
        return out;
    }

    /**
     * A connector config map with its values as Connect reads them (numbers and booleans as their text). Values of
     * credential keys ({@code sasl.jaas.config}, {@code *.password}, …) are masked and remembered by the
     * {@link Redactor}: the link's configuration travels to views and reports, a password must not.
     */
    static Map<String, String> strings(Map<String, Object> config) {
        Map<String, String> out = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (k != null && v != null) {
                String value = v instanceof Map<?, ?> || v instanceof List<?> ? String.valueOf(v) : v.toString();
                if (credential(k)) {
                    Redactor.remember(value);
                    value = Redactor.MASK;
                }
                out.put(k, value);
            }
        });
        return out;
    }

    private static boolean credential(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("jaas") || k.contains("secret") || k.contains("token")
                || k.contains("credential") || k.endsWith("user.info") || k.endsWith(".key") || k.contains("apikey");
    }

    /** MM2's {@code topics} is a comma-separated list of regexes; one alternation says the same. */
    static String topicsRegex(String list) {
        List<String> parts = Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return parts.size() == 1 ? parts.get(0) : parts.stream().collect(Collectors.joining("|"));
    }

    static ConnectorStatus connectorStatus(Fields f, Map<String, Object> c, String path) {
        Map<String, Object> connector = f.map(c, "connector", path + ".connector");
        List<ConnectorStatus.Task> tasks = new ArrayList<>();
        for (Map<String, Object> t : f.maps(c, "tasks", path + ".tasks")) {
            Integer id = f.integer(t, "id", path + ".tasks.id");
            tasks.add(new ConnectorStatus.Task(id == null ? -1 : id, f.str(t, "state", path + ".tasks.state"),
                    f.str(t, "worker_id", path + ".tasks.worker_id"), f.str(t, "trace", path + ".tasks.trace")));
        }
        return new ConnectorStatus(f.str(c, "name", path + ".name"),
                f.str(connector, "state", path + ".connector.state"),
                f.str(connector, "trace", path + ".connector.trace"), tasks);
    }

    private static Map<String, Object> byAlias(List<Map<String, Object>> clusters, String alias) {
        // a missing or unknown alias is noted once, by sanity(), with the aliases that exist
        if (alias == null) {
            return Map.of();
        }
        for (Map<String, Object> c : clusters) {
            if (alias.equals(c.get("alias"))) {
                return c;
            }
        }
        return Map.of();
    }

    private static String firstOf(Fields f, String key, Map<String, Object> a, Map<String, Object> b,
                                  Map<String, Object> c) {
        for (Map<String, Object> m : List.of(a, b, c)) {
            String v = f.str(m, key, key);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String orElse(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v;
    }
}
