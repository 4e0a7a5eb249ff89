package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.testsupport.OracleTools;
import io.mirrorscope.testsupport.UpstreamFixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kubeconfig loading with kubectl as the oracle: for the same {@code KUBECONFIG} list, every value MirrorScope
 * reads (merge winners, current context, servers, TLS and credential fields, exec and auth-provider blocks,
 * namespaces) must equal what {@code kubectl config view --minify --raw -o json --context X} shows. kubectl's view
 * prints file paths as written, so paths are compared after resolving kubectl's value against the holding file, and
 * {@code --flatten} (kubectl reads the files itself) checks that the resolved files are the ones kubectl reads.
 */
@Tag("oracle")
class KubeconfigConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OWN = Path.of("src/test/resources/kubeconfig").toAbsolutePath();
    private static Path kubectl;

    @BeforeEach
    void kubectlIsThere() {
        kubectl = OracleTools.require(OracleTools.KUBECTL);
    }

    /** The project's own kubeconfigs (always run). */
    static Stream<List<Path>> kubeconfigSets() {
        return Stream.of(
                List.of(OWN.resolve("merge-a.yaml"), OWN.resolve("missing.yaml"), OWN.resolve("merge-b.yaml"),
                        OWN.resolve("sub/c.yaml")),
                List.of(OWN.resolve("sub/c.yaml"), OWN.resolve("merge-b.yaml"), OWN.resolve("merge-a.yaml")));
    }

    /** fabric8's and the Kubernetes Java client's test kubeconfigs, relative to ../shared/fixtures/kubeconfig. */
    static Stream<List<String>> upstreamKubeconfigSets() {
        return Stream.of(
                List.of("fabric8-merge-config-1.yaml", "fabric8-merge-config-2.yaml", "fabric8-merge-config-3.yaml",
                        "fabric8-merge-config-4.yaml"),
                List.of("fabric8-merge-config-4.yaml", "fabric8-merge-config-2.yaml"),
                List.of("fabric8-parse-config-1.yaml"),
                List.of("fabric8-test-kubeconfig-exec"),
                List.of("fabric8-test-kubeconfig-exec-cert-auth"),
                List.of("java-kubeconfig-https-x509"));
    }

    @ParameterizedTest
    @MethodSource("upstreamKubeconfigSets")
    void upstreamKubeconfigsSameAsKubectl(List<String> names) throws Exception {
        Path dir = UpstreamFixtures.dir().resolve("kubeconfig").toAbsolutePath();
        sameAsKubectl(names.stream().map(dir::resolve).toList());
    }

    @ParameterizedTest
    @MethodSource("kubeconfigSets")
    void sameAsKubectl(List<Path> files) throws Exception {
        String env = String.join(File.pathSeparator, files.stream().map(Path::toString).toList());
        Kubeconfig ours = Kubeconfig.load(null, env, null);

        JsonNode whole = kubectl(env, "config", "view", "--raw", "-o", "json");
        assertThat(ours.currentContext()).isEqualTo(textOrNull(whole, "current-context"));
        List<String> kubectlNames = new ArrayList<>();
        whole.path("contexts").forEach(c -> kubectlNames.add(c.path("name").asText()));
        assertThat(ours.contexts()).extracting(KubeContext::name)
                .containsExactlyElementsOf(kubectlNames.stream().sorted().toList());

        int compared = 0;
        for (KubeContext context : ours.contexts()) {
            JsonNode minified = kubectlOrNull(env, "config", "view", "--minify", "--raw", "-o", "json",
                    "--context", context.name());
            if (minified == null) {
                // kubectl refuses this context (e.g. its cluster is missing): so must we
                assertThatThrownBy(() -> ours.resolve(context.name())).isInstanceOf(ProblemException.class);
                continue;
            }
            compareContext(ours, context, minified);
            JsonNode flat = kubectlOrNull(env, "config", "view", "--minify", "--raw", "--flatten", "-o", "json",
                    "--context", context.name());
            if (files.getFirst().startsWith(OWN)) {
                assertThat(flat).as("--flatten of " + context.name()).isNotNull();
            }
            if (flat != null) {
                compareFlattened(ours, context, flat);
            }
            compared++;
        }
        assertThat(compared).isPositive();
    }

    private static void compareContext(Kubeconfig ours, KubeContext context, JsonNode k) {
        String at = "context " + context.name();
        JsonNode kc = k.path("contexts").get(0).path("context");
        assertThat(context.cluster()).as(at + " cluster").isEqualTo(textOrNull(kc, "cluster"));
        assertThat(context.user()).as(at + " user").isEqualTo(textOrNull(kc, "user"));
        assertThat(context.namespace()).as(at + " namespace").isEqualTo(textOrNull(kc, "namespace"));

        Kubeconfig.Cluster cluster = context.cluster() == null ? null : ours.clusters().get(context.cluster());
        if (k.path("clusters").path(0).isMissingNode()) {
            assertThat(cluster).as(at + " cluster entry").isNull();
            assertThatThrownBy(() -> ours.resolve(context.name())).isInstanceOf(ProblemException.class);
            return;
        }
        JsonNode kcl = k.path("clusters").get(0).path("cluster");
        assertThat(cluster.server()).as(at + " server").isEqualTo(textOrNull(kcl, "server"));
        assertThat(context.server()).isEqualTo(cluster.server());
        assertThat(cluster.insecureSkipTlsVerify()).as(at + " insecure")
                .isEqualTo(kcl.path("insecure-skip-tls-verify").asBoolean(false));
        assertThat(cluster.tlsServerName()).as(at + " tls-server-name").isEqualTo(textOrNull(kcl, "tls-server-name"));
        assertThat(cluster.proxyUrl()).as(at + " proxy-url").isEqualTo(textOrNull(kcl, "proxy-url"));
        assertThat(cluster.certificateAuthorityData()).isEqualTo(textOrNull(kcl, "certificate-authority-data"));
        assertThat(cluster.certificateAuthority()).as(at + " certificate-authority")
                .isEqualTo(resolved(cluster.source(), textOrNull(kcl, "certificate-authority")));

        if (context.user() == null) {
            return;
        }
        Kubeconfig.User user = ours.users().get(context.user());
        if (k.path("users").path(0).isMissingNode()) {
            // kubectl found no such user; neither do we, and connecting with it is refused
            assertThat(user).as(at + " user entry").isNull();
            assertThatThrownBy(() -> ours.resolve(context.name())).isInstanceOf(ProblemException.class);
            return;
        }
        JsonNode ku = k.path("users").get(0).path("user");
        assertThat(user.token()).as(at + " token").isEqualTo(textOrNull(ku, "token"));
        assertThat(user.username()).isEqualTo(textOrNull(ku, "username"));
        assertThat(user.password()).isEqualTo(textOrNull(ku, "password"));
        assertThat(user.tokenFile()).as(at + " tokenFile")
                .isEqualTo(resolved(user.source(), textOrNull(ku, "tokenFile")));
        assertThat(user.clientCertificate()).isEqualTo(resolved(user.source(), textOrNull(ku, "client-certificate")));
        assertThat(user.clientKey()).isEqualTo(resolved(user.source(), textOrNull(ku, "client-key")));
        assertThat(user.clientCertificateData()).isEqualTo(textOrNull(ku, "client-certificate-data"));
        assertThat(user.clientKeyData()).isEqualTo(textOrNull(ku, "client-key-data"));
        JsonNode exec = ku.path("exec");
        if (exec.isMissingNode()) {
            assertThat(user.exec()).isNull();
        } else {
            Kubeconfig.Exec e = user.exec();
            String command = textOrNull(exec, "command");
            assertThat(e.command()).as(at + " exec command").isEqualTo(command != null && command.contains("/")
                    ? user.source().getParent().resolve(command).normalize().toString() : command);
            List<String> args = new ArrayList<>();
            exec.path("args").forEach(a -> args.add(a.asText()));
            assertThat(e.args()).isEqualTo(args);
            Map<String, String> env = new LinkedHashMap<>();
            exec.path("env").forEach(v -> env.put(v.path("name").asText(), v.path("value").asText()));
            assertThat(e.env()).isEqualTo(env);
            assertThat(e.apiVersion()).isEqualTo(textOrNull(exec, "apiVersion"));
            assertThat(e.installHint()).isEqualTo(textOrNull(exec, "installHint"));
            assertThat(e.provideClusterInfo()).isEqualTo(exec.path("provideClusterInfo").asBoolean(false));
            assertThat(e.interactiveMode()).as(at + " interactiveMode").isEqualTo(textOrNull(exec, "interactiveMode"));
        }
        JsonNode provider = ku.path("auth-provider");
        if (provider.isMissingNode()) {
            assertThat(user.authProvider()).isNull();
        } else {
            assertThat(user.authProvider().name()).isEqualTo(provider.path("name").asText());
            Map<String, String> config = new LinkedHashMap<>();
            provider.path("config").properties().forEach(en -> config.put(en.getKey(), en.getValue().asText()));
            assertThat(user.authProvider().config()).isEqualTo(config);
        }
    }

    /** kubectl --flatten read the referenced files itself: they must be the files our resolved paths name. */
    private static void compareFlattened(Kubeconfig ours, KubeContext context, JsonNode flat) throws IOException {
        Kubeconfig.Cluster cluster = context.cluster() == null ? null : ours.clusters().get(context.cluster());
        if (cluster == null) {
            return;
        }
        JsonNode kcl = flat.path("clusters").get(0).path("cluster");
        assertThat(dataOf(cluster.certificateAuthorityData(), cluster.certificateAuthority()))
                .as(context.name() + " flattened CA").isEqualTo(textOrNull(kcl, "certificate-authority-data"));
        if (context.user() == null) {
            return;
        }
        Kubeconfig.User user = ours.users().get(context.user());
        if (user == null) {
            return;
        }
        JsonNode ku = flat.path("users").get(0).path("user");
        assertThat(dataOf(user.clientCertificateData(), user.clientCertificate()))
                .isEqualTo(textOrNull(ku, "client-certificate-data"));
        assertThat(dataOf(user.clientKeyData(), user.clientKey())).isEqualTo(textOrNull(ku, "client-key-data"));
    }

    private static String dataOf(String data, Path file) throws IOException {
        if (data != null) {
            return data;
        }
        return file == null ? null : Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }

    private static Path resolved(Path holdingFile, String kubectlValue) {
        return kubectlValue == null || kubectlValue.isEmpty() ? null
                : holdingFile.getParent().resolve(kubectlValue).normalize();
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private static JsonNode kubectl(String kubeconfigEnv, String... args) throws IOException, InterruptedException {
        JsonNode out = kubectlOrNull(kubeconfigEnv, args);
        assertThat(out).as("kubectl " + String.join(" ", args)).isNotNull();
        return out;
    }

    private static JsonNode kubectlOrNull(String kubeconfigEnv, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(kubectl.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("KUBECONFIG", kubeconfigEnv);
        pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        return p.waitFor() == 0 ? JSON.readTree(new String(out, StandardCharsets.UTF_8)) : null;
    }
}
