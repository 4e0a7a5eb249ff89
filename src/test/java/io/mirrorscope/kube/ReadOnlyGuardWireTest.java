package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mirrorscope.core.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fabric8 opens exec and attach as GET upgrades: the guard on a real session refuses them before a byte leaves the
 * process, and the mock API server never sees them. (The guard used to let every GET through.)
 */
class ReadOnlyGuardWireTest {

    private static MockApiServer api;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        api = new MockApiServer();
        api.seedClient().pods().inNamespace("kafka").resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata().withName("c-kafka-0").withNamespace("kafka").endMetadata()
                .withNewSpec().addNewContainer().withName("kafka").withImage("kafka").endContainer().endSpec()
                .withNewStatus().withPhase("Running").endStatus().build()).create();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void execAndAttachNeverLeaveTheProcess() throws Exception {
        try (KubeSession session = KubeSession.open(Kubeconfig.load(api.kubeconfig(dir, "g", "kafka", "token: t"),
                null, dir), null, null)) {
            var pod = session.client().pods().inNamespace("kafka").withName("c-kafka-0");
            Throwable exec = catchThrowable(() -> pod.writingOutput(new ByteArrayOutputStream())
                    .exec("sh", "-c", "id").exitCode().get(10, TimeUnit.SECONDS));
            Throwable attach = catchThrowable(() -> pod.writingOutput(new ByteArrayOutputStream()).attach()
                    .exitCode().get(10, TimeUnit.SECONDS));

            for (Throwable refused : new Throwable[] {exec, attach}) {
                assertThat(refused).isNotNull();
                Problem p = session.problem(refused);
                assertThat(p.kind()).isEqualTo(Problem.Kind.INTERNAL);
                assertThat(p.title()).isEqualTo("MirrorScope refused to send a write request");
            }
            assertThat(session.guard().refusedCount()).isGreaterThanOrEqualTo(2);
            // A read on the same session still goes through.
            session.client().namespaces().list();
        }
        assertThat(api.seen).extracting(MockApiServer.Seen::path)
                .noneMatch(path -> path.contains("/exec") || path.contains("/attach"))
                .anyMatch(path -> path.startsWith("/api/v1/namespaces"));
    }
}
