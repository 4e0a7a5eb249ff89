package io.mirrorscope.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mirrorscope.testkit.KafkaTestCluster;
import io.mirrorscope.testkit.TestCa;
import io.mirrorscope.testkit.TlsProxy;
import io.mirrorscope.testsupport.FabricMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's Kubernetes API: the fabric8 mock server in CRUD mode behind a TLS terminator with a certificate of
 * its own CA (so kubectl accepts it), answering API discovery ({@code /api}, {@code /apis}, {@code /api/v1}) and
 * holding the seed's resources for the chosen Strimzi API version: the Strimzi CRDs, Kafka, KafkaNodePool (v1beta2,
 * v1), KafkaTopic, KafkaUsers with their secrets, the cluster and clients CA secrets, the mirror (KafkaMirrorMaker2,
 * or KafkaMirrorMaker for v1beta1) with the real connector states, the Jaeger CR, its query Service and Route.
 * Writes a kubeconfig with context {@code sandbox} and namespace {@code amq-streams}.
 */
public final class SandboxKubeApi implements AutoCloseable {

    public static final String CONTEXT = "sandbox";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxKubeApi.class);
    private static final String ALL_VERBS =
            "[\"delete\",\"deletecollection\",\"get\",\"list\",\"patch\",\"create\",\"update\",\"watch\"]";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STRIMZI_CRDS = List.of("040-Crd-kafka.yaml", "043-Crd-kafkatopic.yaml",
            "044-Crd-kafkauser.yaml", "045-Crd-kafkanodepool.yaml", "041-Crd-kafkaconnect.yaml",
            "047-Crd-kafkaconnector.yaml", "048-Crd-kafkamirrormaker2.yaml");

    private final SandboxOptions.StrimziApi api;
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final TestCa apiCa;
    private final TlsProxy tls;
    private final Path dir;
    private final Path kubeconfig;
    private final String token = "sandbox-" + UUID.randomUUID();
    private final ScheduledExecutorService statusRefresher;
    private final Map<String, String> groupVersions = new LinkedHashMap<>();
    /** Discovery documents (APIResourceList) per group/version, built from the CRDs this API registered. */
    private final Map<String, List<CustomResourceDefinition>> crdsByGroupVersion = 
            new ConcurrentHashMap<>();
    private String lastConnectorsJson = "";

    private volatile Sandbox sandbox;

    /**
     * Starts the API server and registers the CRDs (nothing of the sandbox needed yet, so it runs while the brokers
     * start); {@link #populate(Sandbox)} then adds the resources.
     */
    SandboxKubeApi(SandboxOptions.StrimziApi api) throws IOException {
        this.api = api;
        this.server = FabricMockServer.start(new DiscoveryDispatcher(FabricMockServer.crud()));
        this.client = server.createClient();
        this.apiCa = TestCa.create("sandbox-kube-ca", "kubernetes");
        this.tls = new TlsProxy(apiCa.issueServer(List.of("127.0.0.1", "localhost", "kubernetes.default.svc")),
                "127.0.0.1", server.getPort());
        this.dir = Files.createTempDirectory("mirrorscope-sandbox-");
        this.kubeconfig = dir.resolve("kubeconfig");
        groupVersions.put("kafka.strimzi.io", api.version());
        groupVersions.put("jaegertracing.io", "v1");
        groupVersions.put("route.openshift.io", "v1");
        registerCrds();
        writeKubeconfig();
        this.statusRefresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sandbox-status").factory());
    }

    /** Creates the seed's resources, their statuses (pointing at the running sandbox) and the secrets. */
    void populate(Sandbox owner) {
        this.sandbox = owner;
        Map<String, String> values = placeholders();
        List<String> documents = new ArrayList<>();
        documents.addAll(split(resource("sandbox/" + api.version() + "/strimzi.yaml")));
        documents.addAll(split(resource("sandbox/" + api.version() + "/mirror.yaml")));
        documents.addAll(split(resource("sandbox/common.yaml")));
        for (String document : documents) {
            createWithStatus(fill(document, values));
        }
        for (Secret secret : secrets()) {
            client.secrets().inNamespace(Sandbox.NAMESPACE).resource(secret).create();
        }
        // how the app finds the fault switches when it runs on the sandbox (a plain GET, like everything it reads)
        client.configMaps().inNamespace(Sandbox.NAMESPACE).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("mirrorscope-sandbox").withNamespace(Sandbox.NAMESPACE)
                .addToLabels("app.kubernetes.io/part-of", "mirrorscope-sandbox").endMetadata()
                .addToData("controlUrl", owner.controlUrl())
                .addToData("jaegerUrl", owner.jaegerUrl())
                .addToData("strimziApi", api.version())
                .build()).create();
        refreshMirrorStatus();
        statusRefresher.scheduleWithFixedDelay(this::refreshMirrorStatus, 2, 2, TimeUnit.SECONDS);
    }

    /** {@code https://127.0.0.1:<port>} */
    public String serverUrl() {
        return "https://127.0.0.1:" + tls.port();
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** The PEM of the CA that signed the API server's certificate. */
    public String caPem() {
        return apiCa.certificatePem();
    }

    /** A fabric8 client straight to the mock (plain HTTP, for the sandbox's own bookkeeping and tests). */
    public KubernetesClient client() {
        return client;
    }

    private void registerCrds() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(Sandbox.NAMESPACE)
                .endMetadata().build()).create();
        List<String> strimzi = new ArrayList<>(List.of("kafkas", "kafkatopics", "kafkausers", "kafkaconnects"));
        if (api == SandboxOptions.StrimziApi.V1BETA1) {
            strimzi.add("kafkamirrormakers"); // the seed's MirrorMaker 1; MM2 and node pools did not exist in v1beta1
        } else {
            strimzi.addAll(List.of("kafkanodepools", "kafkaconnectors", "kafkamirrormaker2s"));
        }
        for (String plural : strimzi) {
            createCrd(resource("sandbox/crds/" + plural + ".kafka.strimzi.io.yaml"), api.version());
        }
        createCrd(resource("sandbox/crds/jaegers.jaegertracing.io.yaml"), "v1");
        createCrd(resource("sandbox/crds/routes.route.openshift.io.yaml"), "v1");
    }

    private Map<String, String> placeholders() {
        KafkaTestCluster europe = sandbox.europe();
        KafkaTestCluster us = sandbox.us();
        Map<String, String> values = new HashMap<>();
        values.put("NOW", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        values.put("KAFKA_VERSION", "4.1.1");
        values.put("METADATA_VERSION", MetadataVersion.LATEST_PRODUCTION.version());
        for (KafkaTestCluster cluster : List.of(europe, us)) {
            String key = cluster == europe ? "EUROPE" : "US";
            values.put(key + "_HOST", cluster.bootstrap(Sandbox.PLAIN).split(":")[0]);
            values.put(key + "_PLAIN_PORT", String.valueOf(cluster.port(Sandbox.PLAIN)));
            values.put(key + "_TLS_PORT", String.valueOf(cluster.port(Sandbox.TLS)));
            values.put(key + "_CLUSTER_ID", clusterId(cluster));
        }
        String jaeger = sandbox.jaegerUrl();
        values.put("JAEGER_URL", jaeger);
        values.put("JAEGER_HOST", jaeger.replaceFirst("^http://", "").split(":")[0]);
        values.put("JAEGER_PORT", jaeger.substring(jaeger.lastIndexOf(':') + 1));
        return values;
    }

    private static String clusterId(KafkaTestCluster cluster) {
        try (Admin admin = cluster.admin()) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the cluster id of " + cluster.name(), e);
        }
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = Objects.requireNonNull(values.get(matcher.group(1)), "no value for " + matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static List<String> split(String yaml) {
        List<String> documents = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(line -> line.startsWith("kind:"))) {
                documents.add(document);
            }
        }
        return documents;
    }

    private void createCrd(String yaml, String version) {
        CustomResourceDefinition crd = Serialization.unmarshal(yaml, CustomResourceDefinition.class);
        // one served version per Strimzi generation (the CRDs in sandbox/crds carry names only, no schemas)
        CustomResourceDefinitionVersion first = crd.getSpec().getVersions().getFirst();
        first.setName(version);
        first.setServed(true);
        first.setStorage(true);
        crd.getSpec().setVersions(List.of(first));
        crd.getMetadata().setResourceVersion(null);
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        crdsByGroupVersion.computeIfAbsent(crd.getSpec().getGroup() + "/" + version, gv -> new ArrayList<>())
                .add(crd);
    }

    private void createWithStatus(String yaml) {
        GenericKubernetesResource resource = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        addCertificates(resource);
        Object status = resource.getAdditionalProperties().get("status");
        HasMetadata created = client.resource(resource).inNamespace(Sandbox.NAMESPACE).create();
        if (status != null && created instanceof GenericKubernetesResource generic) {
            generic.getAdditionalProperties().put("status", status);
            client.resource(generic).inNamespace(Sandbox.NAMESPACE).updateStatus();
        }
    }

    /** Puts the cluster CA PEM into the status of TLS listeners, as Strimzi does. */
    @SuppressWarnings("unchecked")
    private void addCertificates(GenericKubernetesResource resource) {
        if (!resource.getKind().equals("Kafka")) {
            return;
        }
        KafkaTestCluster cluster = resource.getMetadata().getName().equals(Sandbox.EUROPE) ? sandbox.europe()
                : sandbox.us();
        Map<String, Object> status = (Map<String, Object>) resource.getAdditionalProperties().get("status");
        for (Map<String, Object> listener : (List<Map<String, Object>>) status.get("listeners")) {
            Object name = listener.getOrDefault("name", listener.get("type"));
            if ("tls".equals(name)) {
                listener.put("certificates", List.of(cluster.clusterCa().certificatePem()));
            }
        }
    }

    private List<Secret> secrets() {
        List<Secret> secrets = new ArrayList<>();
        for (KafkaTestCluster cluster : List.of(sandbox.europe(), sandbox.us())) {
            secrets.add(caSecret(cluster.name(), cluster.name() + "-cluster-ca-cert", cluster.clusterCa()));
            secrets.add(caSecret(cluster.name(), cluster.name() + "-clients-ca-cert", cluster.clientsCa()));
        }
        secrets.add(userSecret(Sandbox.EUROPE, sandbox.europeUser()));
        secrets.add(userSecret(Sandbox.US, sandbox.usUser()));
        return secrets;
    }

    private static Secret caSecret(String cluster, String name, TestCa ca) {
        String password = TestCa.randomPassword();
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace(Sandbox.NAMESPACE)
                .addToLabels("strimzi.io/cluster", cluster).addToLabels("strimzi.io/kind", "Kafka")
                .addToLabels("app.kubernetes.io/managed-by", "strimzi-cluster-operator")
                .addToAnnotations("strimzi.io/ca-cert-generation", "0").endMetadata()
                .withType("Opaque")
                .addToData("ca.crt", b64(ca.certificatePem().getBytes(StandardCharsets.US_ASCII)))
                .addToData("ca.p12", b64(ca.truststoreP12(password.toCharArray())))
                .addToData("ca.password", b64(password.getBytes(StandardCharsets.US_ASCII)))
                .build();
    }

    private static Secret userSecret(String cluster, Sandbox.SandboxUser user) {
        SecretBuilder builder = new SecretBuilder().withNewMetadata().withName(user.name())
                .withNamespace(Sandbox.NAMESPACE)
                .addToLabels("strimzi.io/cluster", cluster).addToLabels("strimzi.io/kind", "KafkaUser")
                .addToLabels("app.kubernetes.io/managed-by", "strimzi-user-operator").endMetadata()
                .withType("Opaque");
        user.certificate().strimziUserSecretData(user.password()).forEach((key, value) ->
                builder.addToData(key, b64(value)));
        return builder.build();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Copies the real Connect connector states of the mirror into the KafkaMirrorMaker2 status. */
    void refreshMirrorStatus() {
        Sandbox owner = sandbox;
        if (api == SandboxOptions.StrimziApi.V1BETA1 || owner == null || owner.mirror() == null) {
            return;
        }
        try {
            List<Map<String, Object>> connectors = new ArrayList<>();
            for (String connector : SandboxMirror.CONNECTORS) {
                ConnectorStateInfo info = owner.mirror().status(connector);
                if (info == null) {
                    continue;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", Sandbox.EUROPE + "->" + Sandbox.US + "." + connector);
                entry.put("connector", state(info.connector().state(), info.connector().workerId(),
                        info.connector().trace(), null));
                List<Map<String, Object>> tasks = new ArrayList<>();
                info.tasks().forEach(t -> tasks.add(state(t.state(), t.workerId(), t.trace(), t.id())));
                entry.put("tasks", tasks);
                entry.put("type", "source");
                connectors.add(entry);
            }
            String json = JSON.writeValueAsString(connectors);
            if (json.equals(lastConnectorsJson)) {
                return;
            }
            GenericKubernetesResource mm2 = client.genericKubernetesResources("kafka.strimzi.io/" + api.version(),
                    "KafkaMirrorMaker2").inNamespace(Sandbox.NAMESPACE).withName("my-mirror-maker2").get();
            if (mm2 == null) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> status = (Map<String, Object>) mm2.getAdditionalProperties()
                    .computeIfAbsent("status", k -> new LinkedHashMap<>());
            status.put("connectors", connectors);
            client.resource(mm2).inNamespace(Sandbox.NAMESPACE).updateStatus();
            lastConnectorsJson = json;
        } catch (IOException | RuntimeException e) {
            LOG.debug("mirror status refresh failed: {}", e.toString());
        }
    }

    private static Map<String, Object> state(String state, String workerId, String trace, Integer id) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (id != null) {
            map.put("id", id);
        }
        map.put("state", state);
        map.put("worker_id", workerId);
        if (trace != null) {
            map.put("trace", trace);
        }
        return map;
    }

    private void writeKubeconfig() throws IOException {
        String ca = b64(apiCa.certificatePem().getBytes(StandardCharsets.US_ASCII));
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: sandbox
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: sandbox-admin
                  user:
                    token: %s
                contexts:
                - name: %s
                  context:
                    cluster: sandbox
                    user: sandbox-admin
                    namespace: %s
                current-context: %s
                """.formatted(serverUrl(), ca, token, CONTEXT, Sandbox.NAMESPACE, CONTEXT);
        Files.writeString(kubeconfig, yaml);
        try {
            Files.setPosixFilePermissions(kubeconfig, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("no POSIX permissions for {}", kubeconfig);
        }
    }

    private static String resource(String path) {
        try (InputStream in = SandboxKubeApi.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        statusRefresher.shutdownNow();
        try {
            statusRefresher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
        tls.close();
        server.destroy();
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }

    /**
     * Answers discovery the way a real API server does (the CRUD mock lists no groups under {@code /apis}) and hands
     * everything else to the CRUD dispatcher.
     */
    private final class DiscoveryDispatcher extends Dispatcher {

        private final KubernetesCrudDispatcher crud;

        DiscoveryDispatcher(KubernetesCrudDispatcher crud) {
            this.crud = crud;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            int query = path.indexOf('?');
            String bare = query < 0 ? path : path.substring(0, query);
            if (request.getMethod().equals("POST")
                    && bare.equals("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")) {
                return accessReview(request);
            }
            if (request.getMethod().equals("GET")) {
                switch (bare) {
                    case "/api", "/api/" -> {
                        return json("{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":"
                                + "[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1:" + tls.port()
                                + "\"}]}");
                    }
                    case "/apis", "/apis/" -> {
                        return json(apiGroupList());
                    }
                    case "/api/v1", "/api/v1/" -> {
                        return json(coreResources());
                    }
                    case "/apis/authorization.k8s.io/v1" -> {
                        return json("{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":"
                                + "\"authorization.k8s.io/v1\",\"resources\":[{\"name\":\"selfsubjectaccessreviews\","
                                + "\"singularName\":\"selfsubjectaccessreview\",\"namespaced\":false,\"kind\":"
                                + "\"SelfSubjectAccessReview\",\"verbs\":[\"create\"]}]}");
                    }
                    case "/apis/apiextensions.k8s.io/v1" -> {
                        return json("{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":"
                                + "\"apiextensions.k8s.io/v1\",\"resources\":[{\"name\":\"customresourcedefinitions\","
                                + "\"singularName\":\"customresourcedefinition\",\"namespaced\":false,\"kind\":"
                                + "\"CustomResourceDefinition\",\"verbs\":" + ALL_VERBS + ",\"shortNames\":[\"crd\","
                                + "\"crds\"]}]}");
                    }
                    case "/version", "/version/" -> {
                        return json("{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0-sandbox\","
                                + "\"platform\":\"linux/amd64\"}");
                    }
                    default -> {
                        String groupVersion = bare.startsWith("/apis/") ? bare.substring("/apis/".length()) : "";
                        List<CustomResourceDefinition> crds = crdsByGroupVersion.get(groupVersion);
                        if (crds != null) {
                            return json(resourceList(groupVersion, crds));
                        }
                    }
                }
            }
            return crud.dispatch(request);
        }

        /** A full APIResourceList (with verbs, short names, categories) as kubectl needs it. */
        private String resourceList(String groupVersion, List<CustomResourceDefinition> crds) {
            try {
                var root = JSON.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                        .put("groupVersion", groupVersion);
                var resources = root.putArray("resources");
                for (CustomResourceDefinition crd : crds) {
                    var names = crd.getSpec().getNames();
                    boolean namespaced = "Namespaced".equals(crd.getSpec().getScope());
                    var resource = resources.addObject().put("name", names.getPlural())
                            .put("singularName", names.getSingular()).put("namespaced", namespaced)
                            .put("kind", names.getKind());
                    resource.set("verbs", JSON.readTree(ALL_VERBS));
                    if (names.getShortNames() != null && !names.getShortNames().isEmpty()) {
                        resource.set("shortNames", JSON.valueToTree(names.getShortNames()));
                    }
                    if (names.getCategories() != null && !names.getCategories().isEmpty()) {
                        resource.set("categories", JSON.valueToTree(names.getCategories()));
                    }
                    var versions = crd.getSpec().getVersions().getFirst();
                    if (versions.getSubresources() != null && versions.getSubresources().getStatus() != null) {
                        resources.addObject().put("name", names.getPlural() + "/status").put("singularName", "")
                                .put("namespaced", namespaced).put("kind", names.getKind())
                                .set("verbs", JSON.readTree("[\"get\",\"patch\",\"update\"]"));
                    }
                }
                return JSON.writeValueAsString(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Answers a SelfSubjectAccessReview as a real API server does for the sandbox's admin token: allowed, with
         * the request echoed back; nothing is stored.
         */
        private MockResponse accessReview(RecordedRequest request) {
            ObjectNode review = JSON.createObjectNode();
            String contentType = request.getHeader("Content-Type");
            if (contentType != null && contentType.startsWith("application/json")) {
                try {
                    if (JSON.readTree(request.getUtf8Body()) instanceof ObjectNode json) {
                        review = json;
                    }
                } catch (IOException e) {
                    return new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
                            .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                                    + "\"message\":\"malformed SelfSubjectAccessReview\",\"reason\":\"BadRequest\","
                                    + "\"code\":400}");
                }
            }
            // kubectl sends protobuf: the answer does not depend on the spec, so it is not decoded
            review.put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectAccessReview");
            review.putObject("metadata");
            review.putObject("status").put("allowed", true)
                    .put("reason", "the sandbox's admin token may do everything");
            try {
                return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                        .setBody(JSON.writeValueAsString(review));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String apiGroupList() {
            StringBuilder groups = new StringBuilder();
            Map<String, String> all = new LinkedHashMap<>();
            all.put("apiextensions.k8s.io", "v1");
            all.put("authorization.k8s.io", "v1");
            all.putAll(groupVersions);
            all.forEach((group, version) -> {
                if (!groups.isEmpty()) {
                    groups.append(',');
                }
                String gv = "{\"groupVersion\":\"" + group + "/" + version + "\",\"version\":\"" + version + "\"}";
                groups.append("{\"name\":\"").append(group).append("\",\"versions\":[").append(gv)
                        .append("],\"preferredVersion\":").append(gv).append('}');
            });
            return "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[" + groups + "]}";
        }

        private static String coreResources() {
            StringBuilder resources = new StringBuilder();
            for (String[] r : new String[][] {{"namespaces", "Namespace", "false"}, {"secrets", "Secret", "true"},
                    {"services", "Service", "true"}, {"pods", "Pod", "true"}, {"configmaps", "ConfigMap", "true"},
                    {"services/proxy", "ServiceProxyOptions", "true"}, {"pods/portforward", "PodPortForwardOptions",
                        "true"}}) {
                if (!resources.isEmpty()) {
                    resources.append(',');
                }
                String verbs = r[0].contains("/") ? "[\"get\",\"create\"]"
                        : "[\"create\",\"delete\",\"get\",\"list\",\"patch\",\"update\",\"watch\"]";
                resources.append("{\"name\":\"").append(r[0]).append("\",\"singularName\":\"\",\"namespaced\":")
                        .append(r[2]).append(",\"kind\":\"").append(r[1]).append("\",\"verbs\":").append(verbs)
                        .append('}');
            }
            return "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":[" + resources + "]}";
        }

        private static MockResponse json(String body) {
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                    .setBody(body);
        }

        @Override
        public void shutdown() {
            crud.shutdown();
        }
    }
}
