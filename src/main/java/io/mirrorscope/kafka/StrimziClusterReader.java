package io.mirrorscope.kafka;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.inventory.Listener;
import io.mirrorscope.kube.KubeErrors;
import io.mirrorscope.kube.inventory.StrimziMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads, with GET and LIST only, what {@link StrimziConnections} needs from a namespace: the Kafka resource's
 * listeners (every Strimzi API version: v1, v1beta2, v1beta1 with the old listener map), the cluster CA secret,
 * the cluster's KafkaUsers and one user's secret. Used by the CLI; the app maps its own inventory instead.
 */
public final class StrimziClusterReader {

    private static final String GROUP = "kafka.strimzi.io";
    private static final List<String> VERSIONS = List.of("v1", "v1beta2", "v1beta1");

    private final KubernetesClient client;
    private final String namespace;

    public StrimziClusterReader(KubernetesClient client, String namespace) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /**
     * The listeners of Kafka {@code cluster} that the operator reported in the status (only those can be
     * connected to), read by the one listener parser ({@link StrimziMapper#listeners(Map, Map)}).
     */
    public List<StrimziConnections.Listener> listeners(String cluster) {
        GenericKubernetesResource kafka = getKafka(cluster);
        Map<String, Object> spec = map(kafka.getAdditionalProperties().get("spec"));
        Map<String, Object> status = map(kafka.getAdditionalProperties().get("status"));
        Set<String> reported = new HashSet<>();
        for (Object o : list(status.get("listeners"))) {
            Map<String, Object> s = map(o);
            String name = str(s.get("name")) != null ? str(s.get("name")) : str(s.get("type"));
            if (name != null) {
                reported.add(name);
            }
        }
        List<StrimziConnections.Listener> out = new ArrayList<>();
        for (Listener l : StrimziMapper.listeners(map(spec.get("kafka")), status)) {
            if (reported.contains(l.name())) {
                out.add(new StrimziConnections.Listener(l.name(), l.type(), l.tls(), l.authentication(),
                        l.bootstrapServers(), l.certificates()));
            }
        }
        return out;
    }

    /** The data of {@code <cluster>-cluster-ca-cert}, or null when it is missing or may not be read. */
    public Map<String, byte[]> clusterCaSecret(String cluster) {
        try {
            Secret s = client.secrets().inNamespace(namespace).withName(cluster + "-cluster-ca-cert").get();
            return s == null ? null : StrimziConnections.decodeSecretData(s.getData());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403 || e.getCode() == 404) {
                return null;
            }
            throw kubeProblem(e, "secret " + cluster + "-cluster-ca-cert");
        }
    }

    /** The KafkaUsers labelled for {@code cluster}, with their authentication and ACLs. */
    public List<StrimziConnections.User> users(String cluster) {
        List<StrimziConnections.User> out = new ArrayList<>();
        for (GenericKubernetesResource u : listUsers(cluster)) {
            Map<String, Object> spec = map(u.getAdditionalProperties().get("spec"));
            Map<String, Object> authz = map(spec.get("authorization"));
            List<StrimziConnections.Acl> acls = new ArrayList<>();
            for (Object a : list(authz.get("acls"))) {
                Map<String, Object> acl = map(a);
                Map<String, Object> resource = map(acl.get("resource"));
                List<String> ops = new ArrayList<>(list(acl.get("operations")).stream().map(String::valueOf).toList());
                if (acl.get("operation") != null) {
                    ops.add(String.valueOf(acl.get("operation")));
                }
                acls.add(new StrimziConnections.Acl(str(resource.get("type")), str(resource.get("name")),
                        str(resource.get("patternType")), ops, !"deny".equalsIgnoreCase(str(acl.get("type")))));
            }
            out.add(new StrimziConnections.User(u.getMetadata().getName(),
                    str(map(spec.get("authentication")).get("type")), !authz.isEmpty(), acls));
        }
        return out;
    }

    /** The data of KafkaUser {@code user}'s secret (its status names it; else the user's name). */
    public Map<String, byte[]> userSecret(String user) {
        String secretName = user;
        for (String version : VERSIONS) {
            try {
                GenericKubernetesResource u = client.genericKubernetesResources(context(version, "KafkaUser",
                        "kafkausers")).inNamespace(namespace).withName(user).get();
                if (u != null) {
                    String fromStatus = str(map(u.getAdditionalProperties().get("status")).get("secret"));
                    secretName = fromStatus != null ? fromStatus : user;
                    break;
                }
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    throw kubeProblem(e, "KafkaUser " + user);
                }
            }
        }
        try {
            Secret s = client.secrets().inNamespace(namespace).withName(secretName).get();
            if (s == null) {
                throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "No secret " + secretName
                        + " in namespace " + namespace, "the KafkaUser's credentials are kept there",
                        "Check --user and -n"));
            }
            StrimziConnections.rememberUserSecret(s.getData());
            return StrimziConnections.decodeSecretData(s.getData());
        } catch (KubernetesClientException e) {
            throw kubeProblem(e, "secret " + secretName);
        }
    }

    /**
     * The broker pods of {@code cluster}, sorted by name: pods labelled {@code strimzi.io/cluster=<cluster>} that
     * are brokers ({@code strimzi.io/broker-role=true} with node pools, or named {@code <cluster>-kafka-N}).
     */
    public List<String> brokerPods(String cluster) {
        try {
            return client.pods().inNamespace(namespace).withLabel("strimzi.io/cluster", cluster).list().getItems()
                    .stream()
                    .filter(p -> {
                        Map<String, String> labels = p.getMetadata().getLabels() == null ? Map.of()
                                : p.getMetadata().getLabels();
                        String name = p.getMetadata().getName();
                        return "true".equals(labels.get("strimzi.io/broker-role"))
                                || name.matches(java.util.regex.Pattern.quote(cluster) + "-kafka-\\d+");
                    })
                    .map(p -> p.getMetadata().getName())
                    .sorted()
                    .toList();
        } catch (KubernetesClientException e) {
            throw kubeProblem(e, "pods of " + cluster);
        }
    }

    private GenericKubernetesResource getKafka(String cluster) {
        for (String version : VERSIONS) {
            try {
                GenericKubernetesResource k = client.genericKubernetesResources(context(version, "Kafka", "kafkas"))
                        .inNamespace(namespace).withName(cluster).get();
                if (k != null) {
                    return k;
                }
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    throw kubeProblem(e, "Kafka " + cluster);
                }
            }
        }
        throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "No Kafka " + cluster + " in namespace "
                + namespace, "", "Check --cluster and -n"));
    }

    private List<GenericKubernetesResource> listUsers(String cluster) {
        for (String version : VERSIONS) {
            try {
                List<GenericKubernetesResource> items = client.genericKubernetesResources(context(version,
                        "KafkaUser", "kafkausers")).inNamespace(namespace)
                        .withLabel("strimzi.io/cluster", cluster).list().getItems();
                if (!items.isEmpty()) {
                    return items;
                }
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404 && e.getCode() != 403) {
                    throw kubeProblem(e, "KafkaUsers of " + cluster);
                }
            }
        }
        return List.of();
    }

    private static ResourceDefinitionContext context(String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(GROUP).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    /** Through the one Kubernetes error mapping, so a 401/403 reads the same here as everywhere else. */
    private ProblemException kubeProblem(KubernetesClientException e, String what) {
        Problem p = KubeErrors.problem(e, null, null, String.valueOf(client.getMasterUrl()));
        return new ProblemException(new Problem(p.kind(), p.title(), "reading " + what + " in namespace " + namespace
                + (p.detail().isBlank() ? "" : ": " + p.detail()), p.hint(), e));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
