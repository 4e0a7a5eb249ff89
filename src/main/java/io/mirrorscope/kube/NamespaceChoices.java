package io.mirrorscope.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.mirrorscope.core.ProblemException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The namespaces a user can pick: the cluster's namespaces when the user may list them, else the OpenShift projects
 * the user can see ({@code project.openshift.io/v1}, filtered per user by OpenShift), else none (the user types one).
 *
 * @param names  sorted names; empty when the user must type
 * @param source where the names came from
 */
public record NamespaceChoices(List<String> names, Source source) {

    /** Where the names came from. */
    public enum Source {
        /** {@code GET /api/v1/namespaces}. */
        NAMESPACES,
        /** {@code GET /apis/project.openshift.io/v1/projects}. */
        OPENSHIFT_PROJECTS,
        /** Neither is allowed: the user types the namespace. */
        TYPED
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Lists what the session's user may see.
     *
     * @throws ProblemException when the API server cannot be reached or refuses the credentials
     */
    public static NamespaceChoices list(KubeSession session) {
        return list(session.client(), failure -> new ProblemException(session.problem(failure)));
    }

    /**
     * Lists what the client's user may see; {@code failures} turns a failure of the connection into the problem to
     * throw (the live inventory's "all namespaces" uses this without a session).
     */
    public static NamespaceChoices list(KubernetesClient client,
                                        java.util.function.Function<Throwable, ProblemException> failures) {
        try {
            List<String> names = new ArrayList<>(client.namespaces().list().getItems().stream()
                    .map(n -> n.getMetadata().getName()).toList());
            names.sort(null);
            return new NamespaceChoices(List.copyOf(names), Source.NAMESPACES);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw failures.apply(e);
            }
        }
        HttpClient http = client.getHttpClient();
        String base = client.getMasterUrl().toString().replaceAll("/+$", "");
        try {
            HttpResponse<String> response = http.sendAsync(http.newHttpRequestBuilder()
                    .uri(base + "/apis/project.openshift.io/v1/projects").build(), String.class)
                    .get(30, TimeUnit.SECONDS);
            if (response.isSuccessful()) {
                List<String> names = new ArrayList<>();
                JSON.readTree(response.body()).path("items")
                        .forEach(p -> names.add(p.path("metadata").path("name").asText()));
                names.sort(null);
                return new NamespaceChoices(List.copyOf(names), Source.OPENSHIFT_PROJECTS);
            }
            if (response.code() == 401) {
                throw failures.apply(new KubernetesClientException("Unauthorized", 401, null));
            }
        } catch (ExecutionException e) {
            throw failures.apply(e.getCause());
        } catch (IOException | TimeoutException e) {
            throw failures.apply(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new NamespaceChoices(List.of(), Source.TYPED);
    }
}
