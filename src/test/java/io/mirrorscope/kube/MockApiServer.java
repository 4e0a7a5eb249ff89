package io.mirrorscope.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mirrorscope.testsupport.FabricMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;

/**
 * The fabric8 mock API server in CRUD mode over TLS, made a little more like a real API server: it checks bearer
 * tokens (401 for any other), can refuse paths with 403, answers SelfSubjectAccessReviews from a rule, and records
 * every request it sees (method and path) so tests can assert that only reads arrived.
 */
public final class MockApiServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Seen(String method, String path, String authorization) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public final Set<String> acceptedTokens = ConcurrentHashMap.newKeySet();
    final Set<String> forbiddenPathPrefixes = ConcurrentHashMap.newKeySet();
    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** (verb, resource[/subresource]) → allowed; consulted for SelfSubjectAccessReviews. */
    public volatile BiPredicate<String, String> access = (verb, resource) -> true;
    /** OpenShift projects the user sees; null = not an OpenShift server (404). */
    volatile List<String> projects;

    private final MockWebServer web = new MockWebServer();
    private final KubernetesMockServer server;

    public MockApiServer() {
        KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of()) {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String auth = request.getHeader("Authorization");
                seen.add(new Seen(request.getMethod(), request.getPath(), auth));
                if (!acceptedTokens.isEmpty()
                        && (auth == null || !acceptedTokens.contains(auth.replaceFirst("^Bearer ", "")))) {
                    return status(401, "Unauthorized", "Unauthorized");
                }
                for (String prefix : forbiddenPathPrefixes) {
                    if (request.getPath().startsWith(prefix)) {
                        return status(403, "Forbidden", "secrets is forbidden: User \"alice\" cannot list resource "
                                + "\"secrets\" in API group \"\" in the namespace \"kafka\"");
                    }
                }
                if (request.getPath().equals("/version")) {
                    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                            .setBody("{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.4\"}");
                }
                if (request.getPath().startsWith("/apis/project.openshift.io/")) {
                    List<String> visible = projects;
                    if (visible == null) {
                        return status(404, "NotFound", "the server could not find the requested resource");
                    }
                    String items = String.join(",", visible.stream()
                            .map(n -> "{\"metadata\":{\"name\":\"" + n + "\"}}").toList());
                    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                            .setBody("{\"kind\":\"ProjectList\",\"apiVersion\":\"project.openshift.io/v1\","
                                    + "\"items\":[" + items + "]}");
                }
                if ("POST".equals(request.getMethod())
                        && request.getPath().startsWith("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")) {
                    return review(request.getUtf8Body());
                }
                return super.dispatch(request);
            }
        };
        server = FabricMockServer.start(crud, web, true, 0);
    }

    private MockResponse review(String body) {
        try {
            JsonNode ssar = JSON.readTree(body);
            JsonNode attrs = ssar.path("spec").path("resourceAttributes");
            String resource = attrs.path("resource").asText();
            if (!attrs.path("subresource").asText().isEmpty()) {
                resource = resource + "/" + attrs.path("subresource").asText();
            }
            if (!attrs.path("group").asText().isEmpty()) {
                resource = resource + "." + attrs.path("group").asText();
            }
            boolean allowed = access.test(attrs.path("verb").asText(), resource);
            ((com.fasterxml.jackson.databind.node.ObjectNode) ssar).putObject("status").put("allowed", allowed);
            return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                    .setBody(JSON.writeValueAsString(ssar));
        } catch (IOException e) {
            return status(400, "BadRequest", e.getMessage());
        }
    }

    private static MockResponse status(int code, String reason, String message) {
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":" + quote(message) + ",\"reason\":\"" + reason + "\",\"code\":" + code + "}";
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "https://" + server.getHostName() + ":" + server.getPort();
    }

    /** The server's self-signed certificate (PEM file), usable as the kubeconfig's certificate-authority. */
    Path certificate() {
        return Path.of(web.getSelfSignedCertificate().certificatePath());
    }

    /** A fabric8 client that bypasses MirrorScope entirely, to seed data (tests only; never in src/main). */
    public io.fabric8.kubernetes.client.NamespacedKubernetesClient seedClient() {
        return server.createClient();
    }

    /** Writes a kubeconfig for this server with the given user block (YAML lines under {@code user:}). */
    public Path kubeconfig(Path dir, String contextName, String namespace, String userYaml) throws IOException {
        String yaml = """
                apiVersion: v1
                kind: Config
                current-context: %1$s
                clusters:
                - name: mock
                  cluster:
                    server: %2$s
                    certificate-authority: %3$s
                contexts:
                - name: %1$s
                  context:
                    cluster: mock
                    user: alice
                    namespace: %4$s
                users:
                - name: alice
                  user:
                %5$s
                """.formatted(contextName, url(), certificate(), namespace, userYaml.indent(4).stripTrailing());
        Path file = dir.resolve(contextName + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** Requests other than GET and the access reviews: must stay empty. */
    public List<Seen> writes() {
        return seen.stream().filter(s -> !s.method().equals("GET")
                && !(s.method().equals("POST")
                        && s.path().equals("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"))).toList();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
