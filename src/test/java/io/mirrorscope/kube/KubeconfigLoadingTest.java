package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files are read: --kubeconfig, then KUBECONFIG, then ~/.kube/config (the merge itself is checked against
 * kubectl in {@link KubeconfigConformanceTest}). */
class KubeconfigLoadingTest {

    @TempDir
    Path dir;

    private Path config(String name, String context) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "current-context: " + context + "\ncontexts:\n- name: " + context
                + "\n  context: {cluster: c}\n");
        return file;
    }

    @Test
    void explicitFileWinsOverKubeconfigAndHome() throws Exception {
        Path explicit = config("explicit", "e");
        Path env = config("env", "k");
        config("home/.kube/config", "h");
        Kubeconfig k = Kubeconfig.load(explicit, env.toString(), dir.resolve("home"));
        assertThat(k.files()).containsExactly(explicit);
        assertThat(k.currentContext()).isEqualTo("e");
    }

    @Test
    void kubeconfigListSkipsMissingAndRepeatedFilesAndEmptyEntries() throws Exception {
        Path a = config("a", "a");
        Path b = config("b", "b");
        config("home/.kube/config", "h");
        String env = String.join(File.pathSeparator, a.toString(), "", dir.resolve("missing").toString(),
                b.toString(), a.toString());
        Kubeconfig k = Kubeconfig.load(null, env, dir.resolve("home"));
        assertThat(k.files()).containsExactly(a, b);
        assertThat(k.currentContext()).isEqualTo("a");
        assertThat(k.contexts()).extracting(KubeContext::name).containsExactly("a", "b");
    }

    @Test
    void homeConfigWhenNothingElseIsGiven() throws Exception {
        Path home = config("home/.kube/config", "h");
        assertThat(Kubeconfig.load(null, "", dir.resolve("home")).files()).containsExactly(home);
        assertThat(Kubeconfig.load(null, null, dir.resolve("nobody")).files()).isEmpty();
    }

    @Test
    void kubeconfigNamingOnlyMissingFilesIsAnEmptyConfig() {
        Kubeconfig k = Kubeconfig.load(null, dir.resolve("x").toString(), dir);
        assertThat(k.files()).isEmpty();
        assertThat(k.contexts()).isEmpty();
        assertThat(k.currentContext()).isNull();
    }
}
