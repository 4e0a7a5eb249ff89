package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Switching context closes the old session's client. */
class ActiveSessionTest {

    @Test
    void replacingClosesThePreviousSession(@TempDir Path dir) throws Exception {
        try (MockApiServer api = new MockApiServer(); ActiveSession active = new ActiveSession()) {
            Kubeconfig one = Kubeconfig.load(api.kubeconfig(dir, "one", "kafka", "token: a"), null, dir);
            Kubeconfig two = Kubeconfig.load(api.kubeconfig(dir, "two", "europe", "token: b"), null, dir);
            KubeSession first = active.replace(KubeSession.open(one, null, null));
            first.client().namespaces().list();
            KubeSession second = active.replace(KubeSession.open(two, null, null));
            assertThat(first.client().getHttpClient().isClosed()).isTrue();
            assertThat(second.client().getHttpClient().isClosed()).isFalse();
            assertThat(active.current()).containsSame(second);
            active.close();
            assertThat(second.client().getHttpClient().isClosed()).isTrue();
            assertThat(active.current()).isEmpty();
        }
    }
}
