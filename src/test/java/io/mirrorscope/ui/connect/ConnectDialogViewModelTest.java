package io.mirrorscope.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.kube.KubeContext;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import io.mirrorscope.kube.MockApiServer;
import io.mirrorscope.kube.PermissionCheck;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.connect.ConnectDialogViewModel.CheckState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connect dialog's state without a JavaFX toolkit: real kubeconfig files, the mock API server, direct executors.
 */
class ConnectDialogViewModelTest {

    private static final Path FIXTURES = Path.of("src/test/resources/kubeconfig").toAbsolutePath();
    private static MockApiServer api;

    @TempDir
    Path dir;

    private final BackgroundWork work = new BackgroundWork(Runnable::run, Runnable::run);

    @BeforeAll
    static void start() {
        api = new MockApiServer();
        for (String ns : List.of("kafka", "europe")) {
            api.seedClient().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
                    .endMetadata().build()).create();
        }
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.acceptedTokens.clear();
        api.access = (verb, resource) -> true;
        api.seen.clear();
    }

    private ConnectDialogViewModel viewModel(Path kubeconfig) {
        return new ConnectDialogViewModel(() -> Kubeconfig.load(kubeconfig, null, dir), work,
                KubeSession.Options.desktop());
    }

    @Test
    void loadPreselectsTheCurrentContextAndItsNamespace() {
        ConnectDialogViewModel vm = viewModel(FIXTURES.resolve("merge-b.yaml"));
        vm.load().join();
        assertThat(vm.loadProblemProperty().get()).isEmpty();
        assertThat(vm.contexts()).extracting(KubeContext::name)
                .containsExactly("b-ctx", "carol-ctx", "dave-ctx", "dup", "erin-ctx", "frank-ctx", "gina-ctx");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("b-ctx");
        assertThat(vm.namespaceProperty().get()).isEqualTo("default");
        assertThat(vm.insecureProperty().get()).as("b-cluster skips TLS verification").isTrue();

        vm.selectedProperty().set(vm.contexts().get(1));
        assertThat(vm.namespaceProperty().get()).isEqualTo("us");
        assertThat(vm.insecureProperty().get()).isFalse();
        assertThat(vm.choice()).hasValueSatisfying(c -> {
            assertThat(c.context()).isEqualTo("carol-ctx");
            assertThat(c.namespace()).isEqualTo("us");
            assertThat(c.allNamespaces()).isFalse();
        });
        vm.namespaceProperty().set("  ");
        assertThat(vm.canConnectProperty().get()).isFalse();
        vm.allNamespacesProperty().set(true);
        assertThat(vm.choice()).hasValueSatisfying(c -> assertThat(c.allNamespaces()).isTrue());
    }

    @Test
    void preferredContextAndNamespaceWinOverTheCurrentOne() {
        ConnectDialogViewModel vm = viewModel(FIXTURES.resolve("merge-b.yaml"));
        vm.preselect("dave-ctx", "kafka");
        vm.load().join();
        assertThat(vm.selectedProperty().get().name()).isEqualTo("dave-ctx");
        assertThat(vm.namespaceProperty().get()).isEqualTo("kafka");

        ConnectDialogViewModel unknown = viewModel(FIXTURES.resolve("merge-b.yaml"));
        unknown.preselect("gone-ctx", "kafka");
        unknown.load().join();
        assertThat(unknown.selectedProperty().get().name()).isEqualTo("b-ctx");
        assertThat(unknown.namespaceProperty().get()).isEqualTo("default");
    }

    @Test
    void checkListsNamespacesAndPermissions() throws Exception {
        api.access = (verb, resource) -> !resource.equals("secrets");
        ConnectDialogViewModel vm = viewModel(api.kubeconfig(dir, "dev", "kafka", "token: t"));
        vm.load().join();
        vm.check().join();
        assertThat(vm.checkStateProperty().get()).isEqualTo(CheckState.PARTIAL);
        assertThat(vm.checkSummaryProperty().get())
                .isEqualTo("Connected: Kubernetes v1.32.4; 10 of 11 reads allowed in "
                + "namespace kafka; 2 namespaces visible");
        assertThat(vm.namespaceChoices()).containsExactly("europe", "kafka");
        assertThat(vm.namespaceHintProperty().get()).isEqualTo("Namespaces of the cluster");
        assertThat(vm.permissions()).filteredOn(r -> !r.allowed()).extracting(r -> r.need().describe())
                .containsExactly("get secrets");
        assertThat(vm.permissions()).hasSize(PermissionCheck.NEEDS.size());

        vm.namespaceProperty().set("europe");
        assertThat(vm.checkStateProperty().get()).as("a new namespace makes the check stale")
                .isEqualTo(CheckState.IDLE);
        assertThat(vm.permissions()).isEmpty();
        assertThat(api.writes()).isEmpty();
    }

    @Test
    void failedCheckShowsTheProblemLine() throws Exception {
        api.acceptedTokens.add("the-valid-one");
        ConnectDialogViewModel vm = viewModel(api.kubeconfig(dir, "dev", "kafka", "token: stale"));
        vm.load().join();
        vm.check().join();
        assertThat(vm.checkStateProperty().get()).isEqualTo(CheckState.FAILED);
        assertThat(vm.problems().get().text()).startsWith("Checking the connection to dev failed: "
                + "Authentication failed for context dev (user alice)\ntoken expired or invalid\nrun `oc login");
        assertThat(vm.problems().get().retryable()).isTrue();
        api.acceptedTokens.add("stale");
        vm.problems().get().retry().run();
        assertThat(vm.checkStateProperty().get()).isNotEqualTo(CheckState.FAILED);
        assertThat(vm.problems().get()).as("a check that works clears the stale problem").isNull();
    }

    @Test
    void brokenKubeconfigIsShownNotThrown() {
        ConnectDialogViewModel vm = new ConnectDialogViewModel(() -> {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "Cannot read kubeconfig /x", "bad", ""));
        }, work, KubeSession.Options.desktop());
        vm.load().join();
        assertThat(vm.problems().get().text())
                .isEqualTo("Reading the kubeconfig failed: Cannot read kubeconfig /x\nbad");
        assertThat(vm.problems().get().code()).startsWith("USAGE-");
        assertThat(vm.contexts()).isEmpty();
        assertThat(vm.choice()).isEmpty();
    }
}
