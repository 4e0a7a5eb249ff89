package io.mirrorscope.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The up-front permission check: one {@code SelfSubjectAccessReview} per read MirrorScope needs, in the session's
 * namespace (or cluster-wide), each with what will not work without it. A review persists nothing; the guard lets
 * exactly this POST through. It is sent as a plain request on the session's HTTP client (same guard, same
 * credentials) instead of fabric8's {@code create()}, which src/main never calls.
 */
public final class PermissionCheck {

    /** One read MirrorScope needs, and the consequence of not having it. */
    public record Need(String verb, String group, String resource, String subresource, String withoutIt) {
        /** {@code verb resource[/sub][.group]}, as kubectl auth can-i writes it. */
        public String describe() {
            return verb + " " + resource + (subresource == null ? "" : "/" + subresource)
                    + (group.isEmpty() ? "" : "." + group);
        }
    }

    /** The server's answer for one need. */
    public record Result(Need need, boolean allowed, String reason) {
    }

    /** Every read MirrorScope needs, in the order the connect dialog shows them. */
    public static final List<Need> NEEDS = List.of(
            new Need("list", "kafka.strimzi.io", "kafkas", null, "no Kafka clusters in the inventory"),
            new Need("list", "kafka.strimzi.io", "kafkamirrormaker2s", null, "no MirrorMaker 2 links"),
            new Need("list", "kafka.strimzi.io", "kafkamirrormakers", null, "no MirrorMaker 1 links (Strimzi 0.45 and "
                    + "older)"),
            new Need("list", "kafka.strimzi.io", "kafkaconnectors", null, "no MirrorSourceConnectors on Kafka Connect"),
            new Need("list", "kafka.strimzi.io", "kafkatopics", null, "topics are shown without their KafkaTopic"),
            new Need("get", "", "secrets", null, "no cluster CA or user credentials: broker TLS and authentication "
                    + "must be set up by hand"),
            new Need("list", "", "services", null, "bootstrap and Jaeger services are not found"),
            new Need("list", "route.openshift.io", "routes", null, "external routes are not used (OpenShift)"),
            new Need("list", "", "pods", null, "broker pods are not found, so no tunnels"),
            new Need("create", "", "pods", "portforward", "brokers with internal listeners only cannot be reached"),
            new Need("get", "", "services", "proxy", "Jaeger is not reachable through the API server; use a Route "
                    + "or a URL"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private PermissionCheck() {
    }

    /**
     * Asks the server about every {@link #NEEDS need}.
     *
     * @param namespaceOrNull the namespace, or null for all namespaces
     * @throws ProblemException when the server cannot be asked at all (unreachable, 401)
     */
    public static List<Result> run(KubeSession session, String namespaceOrNull) {
        List<Result> results = new ArrayList<>();
        for (Need need : NEEDS) {
            results.add(ask(session, need, namespaceOrNull));
        }
        return results;
    }

    /** Asks about one need. */
    public static Result ask(KubeSession session, Need need, String namespaceOrNull) {
        KubernetesClient client = session.client();
        ObjectNode review = JSON.createObjectNode();
        review.put("apiVersion", "authorization.k8s.io/v1");
        review.put("kind", "SelfSubjectAccessReview");
        ObjectNode attrs = review.putObject("spec").putObject("resourceAttributes");
        attrs.put("verb", need.verb());
        attrs.put("group", need.group());
        attrs.put("resource", need.resource());
        if (need.subresource() != null) {
            attrs.put("subresource", need.subresource());
        }
        if (namespaceOrNull != null) {
            attrs.put("namespace", namespaceOrNull);
        }
        HttpClient http = client.getHttpClient();
        String base = client.getMasterUrl().toString().replaceAll("/+$", "");
        HttpRequest request = http.newHttpRequestBuilder().uri(base + PATH)
                .post("application/json", review.toString()).build();
        try {
            HttpResponse<String> response = http.sendAsync(request, String.class).get(30, TimeUnit.SECONDS);
            if (response.code() == 401) {
                throw new ProblemException(session.problem(
                        new io.fabric8.kubernetes.client.KubernetesClientException("Unauthorized", 401, null)));
            }
            if (!response.isSuccessful()) {
                return new Result(need, false, "the review itself was refused (HTTP " + response.code() + ")");
            }
            JsonNode status = JSON.readTree(response.body()).path("status");
            String reason = status.path("reason").asText("");
            if (status.path("denied").asBoolean(false) || !status.path("allowed").asBoolean(false)) {
                return new Result(need, false, reason.isEmpty() ? "not allowed" : reason);
            }
            return new Result(need, true, reason);
        } catch (ExecutionException e) {
            throw new ProblemException(session.problem(e.getCause()));
        } catch (TimeoutException | IOException e) {
            throw new ProblemException(session.problem(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.of(Problem.Kind.INTERNAL, "Permission check interrupted", "", ""));
        }
    }
}
