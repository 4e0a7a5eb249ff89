package io.mirrorscope.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.Theme;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainWindowViewModelTest {

    private final MainWindowViewModel viewModel = new MainWindowViewModel(new BackgroundWork(Runnable::run,
            Runnable::run));

    @Test
    void startsDisconnectedAndSaysWhatToDo() {
        assertThat(viewModel.connectionProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(viewModel.emptyStateTitleProperty().getValue()).isEqualTo("Connect to a cluster…");
        assertThat(viewModel.emptyStateHintProperty().getValue()).contains("Ctrl+K").contains("sandbox");
        assertThat(viewModel.navigationProperty().get().children()).extracting(NavNode::label)
                .containsExactly("File ▸ Connect… (Ctrl+K)");
    }

    @Test
    void connectedTreeIsContextThenNamespaceThenSections() {
        viewModel.connecting("sandbox", "amq-streams");
        assertThat(viewModel.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(viewModel.emptyStateTitleProperty().getValue()).isEqualTo("Connecting to sandbox…");

        NavNode clusters = new NavNode(NavNode.Kind.SECTION, "Kafka clusters", "sandbox/amq-streams/clusters",
                List.of(NavNode.leaf(NavNode.Kind.CLUSTER, "europe-cluster", "k/europe-cluster")));
        viewModel.connected("sandbox", "amq-streams", true, List.of(clusters));

        NavNode root = viewModel.navigationProperty().get();
        assertThat(root.kind()).isEqualTo(NavNode.Kind.CONTEXT);
        assertThat(root.label()).isEqualTo("sandbox");
        assertThat(root.children()).singleElement().satisfies(ns -> {
            assertThat(ns.label()).isEqualTo("amq-streams");
            assertThat(ns.children()).containsExactly(clusters);
        });
        assertThat(viewModel.insecureProperty().get()).isTrue();
        assertThat(viewModel.contextProperty().get()).isEqualTo("sandbox");
    }

    @Test
    void allNamespacesIsNamedSo() {
        viewModel.connected("prod", null, false, List.of());
        assertThat(viewModel.navigationProperty().get().children().getFirst().label()).isEqualTo("all namespaces");
        assertThat(viewModel.namespaceProperty().get()).isEmpty();
    }

    @Test
    void failureKeepsTheReasonForTheEmptyState() {
        viewModel.connecting("prod", "kafka");
        viewModel.failed("Authentication failed for context prod (user alice): token expired — run `oc login`");
        assertThat(viewModel.connectionProperty().get()).isEqualTo(ConnectionState.FAILED);
        assertThat(viewModel.emptyStateTitleProperty().getValue()).isEqualTo("Could not connect to prod");
        assertThat(viewModel.emptyStateHintProperty().getValue()).contains("oc login");

        viewModel.disconnected();
        assertThat(viewModel.connectionDetailProperty().get()).isEmpty();
        assertThat(viewModel.contextProperty().get()).isEmpty();
    }

    @Test
    void darkFollowsThemeAndSystem() {
        viewModel.themeProperty().set(Theme.SYSTEM);
        viewModel.systemPrefersDarkProperty().set(false);
        assertThat(viewModel.darkProperty().get()).isFalse();
        viewModel.systemPrefersDarkProperty().set(true);
        assertThat(viewModel.darkProperty().get()).isTrue();
        viewModel.themeProperty().set(Theme.LIGHT);
        assertThat(viewModel.darkProperty().get()).isFalse();
        viewModel.themeProperty().set(Theme.DARK);
        viewModel.systemPrefersDarkProperty().set(false);
        assertThat(viewModel.darkProperty().get()).isTrue();
    }
}
