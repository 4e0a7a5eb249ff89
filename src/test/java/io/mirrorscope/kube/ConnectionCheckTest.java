package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection check (version, namespace choices, SelfSubjectAccessReviews) against the mock API server, and the
 * read-only promise on the wire: every request the server saw was a GET or an access review.
 */
class ConnectionCheckTest {

    private static MockApiServer api;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        api = new MockApiServer();
        var seed = api.seedClient();
        for (String ns : List.of("kafka", "europe", "us")) {
            seed.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.acceptedTokens.clear();
        api.forbiddenPathPrefixes.clear();
        api.projects = null;
        api.access = (verb, resource) -> true;
        api.seen.clear();
    }

    private KubeSession session() throws Exception {
        return KubeSession.open(Kubeconfig.load(api.kubeconfig(dir, "dev", "kafka", "token: t"), null, dir),
                null, null);
    }

    @Test
    void everythingAllowed() throws Exception {
        try (KubeSession session = session()) {
            ConnectionCheck check = ConnectionCheck.run(session, "kafka");
            assertThat(check.serverVersion()).isEqualTo("v1.32.4");
            assertThat(check.namespaces()).isEqualTo(new NamespaceChoices(List.of("europe", "kafka", "us"),
                    NamespaceChoices.Source.NAMESPACES));
            assertThat(check.permissions()).hasSize(PermissionCheck.NEEDS.size())
                    .allMatch(PermissionCheck.Result::allowed);
            assertThat(check.missing()).isEmpty();
        }
        assertThat(api.writes()).isEmpty();
    }

    @Test
    void missingReadsAreNamedWithWhatWillNotWork() throws Exception {
        Set<String> denied = Set.of("get secrets", "create pods/portforward", "list routes.route.openshift.io");
        api.access = (verb, resource) -> !denied.contains(verb + " " + resource);
        try (KubeSession session = session()) {
            ConnectionCheck check = ConnectionCheck.run(session, "kafka");
            assertThat(check.missing()).extracting(r -> r.need().describe()).containsExactly(
                    "get secrets", "list routes.route.openshift.io", "create pods/portforward");
            assertThat(check.missing()).extracting(r -> r.need().withoutIt()).contains(
                    "brokers with internal listeners only cannot be reached");
        }
        List<MockApiServer.Seen> reviews = api.seen.stream().filter(s -> s.method().equals("POST")).toList();
        assertThat(reviews).hasSize(PermissionCheck.NEEDS.size());
        assertThat(api.writes()).isEmpty();
    }

    @Test
    void namespacePickerFallsBackToOpenShiftProjectsThenTyping() throws Exception {
        api.forbiddenPathPrefixes.add("/api/v1/namespaces");
        api.projects = List.of("team-b", "team-a");
        try (KubeSession session = session()) {
            assertThat(NamespaceChoices.list(session)).isEqualTo(new NamespaceChoices(List.of("team-a", "team-b"),
                    NamespaceChoices.Source.OPENSHIFT_PROJECTS));
            api.projects = null;
            assertThat(NamespaceChoices.list(session)).isEqualTo(new NamespaceChoices(List.of(),
                    NamespaceChoices.Source.TYPED));
        }
        assertThat(api.seen).extracting(MockApiServer.Seen::method).containsOnly("GET");
    }

    @Test
    void allNamespacesChecksClusterWide() throws Exception {
        api.access = (verb, resource) -> !resource.equals("secrets");
        try (KubeSession session = session()) {
            ConnectionCheck check = ConnectionCheck.run(session, null);
            assertThat(check.namespace()).isNull();
            assertThat(check.missing()).extracting(r -> r.need().describe()).containsExactly("get secrets");
        }
    }
}
