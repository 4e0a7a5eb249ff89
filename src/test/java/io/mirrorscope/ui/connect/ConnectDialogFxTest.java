package io.mirrorscope.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.mirrorscope.kube.KubeContext;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import io.mirrorscope.kube.MockApiServer;
import io.mirrorscope.testsupport.Screenshots;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.connect.ConnectDialogViewModel.CheckState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The connect dialog on the headless platform, checking a connection to the mock API server. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class ConnectDialogFxTest {

    private static MockApiServer api;
    private static Path dir;
    private static ExecutorService io;
    private ConnectDialogController controller;
    private Parent root;
    private Stage stage;

    @BeforeAll
    static void startServer() throws IOException {
        api = new MockApiServer();
        for (String ns : List.of("kafka", "europe", "us")) {
            api.seedClient().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
                    .endMetadata().build()).create();
        }
        api.access = (verb, resource) -> !resource.equals("pods/portforward") && !resource.startsWith("routes");
        api.seen.clear(); // the seeding above wrote through fabric8 directly, not through MirrorScope
        dir = Files.createTempDirectory("connect-fx");
        io = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterAll
    static void stopServer() {
        io.shutdownNow();
        api.close();
    }

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Path mock = api.kubeconfig(dir, "sandbox", "kafka", "token: t");
        Path others = Path.of("src/test/resources/kubeconfig/merge-b.yaml").toAbsolutePath();
        ConnectDialogViewModel viewModel = new ConnectDialogViewModel(
                () -> Kubeconfig.merge(List.of(mock, others), false),
                new BackgroundWork(io, Platform::runLater), KubeSession.Options.desktop());
        FXMLLoader loader = new FXMLLoader(getClass().getResource("/fxml/connect_dialog.fxml"));
        loader.setControllerFactory(type -> new ConnectDialogController(viewModel));
        root = loader.load();
        controller = loader.getController();
        Scene scene = new Scene(root, 900, 620);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void checksTheCurrentContextAndConnects(FxRobot robot) {
        ConnectDialogViewModel vm = controller.viewModel();
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !vm.contexts().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<KubeContext> contexts = robot.lookup("#contextsTable").queryAs(TableView.class);
        assertThat(contexts.getSelectionModel().getSelectedItem().name()).as("current context preselected")
                .isEqualTo("sandbox");
        assertThat(robot.lookup("#insecureBadge").query().isVisible()).isFalse();

        robot.clickOn("#checkButton");
        Awaitility.await().atMost(20, TimeUnit.SECONDS)
                .until(() -> vm.checkStateProperty().get() == CheckState.PARTIAL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#checkSummaryLabel").queryAs(Label.class).getText())
                .contains("9 of 11 reads allowed in namespace kafka");
        assertThat(robot.lookup("#permissionsTable").queryAs(TableView.class).getItems()).hasSize(11);
        assertThat(vm.namespaceChoices()).containsExactly("europe", "kafka", "us");
        Path png = Screenshots.save(root, "connect-dialog-checked");
        assertThat(png).exists();

        robot.interact(() -> contexts.scrollTo(0));
        robot.clickOn("b-ctx");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#insecureBadge").query().isVisible()).isTrue();
        Screenshots.save(root, "connect-dialog-insecure");

        robot.interact(() -> contexts.scrollTo(contexts.getItems().size() - 1));
        robot.clickOn("sandbox");
        robot.clickOn("#allNamespacesBox");
        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(controller.result()).hasValueSatisfying(choice -> {
            assertThat(choice.context()).isEqualTo("sandbox");
            assertThat(choice.allNamespaces()).isTrue();
            assertThat(choice.namespace()).isEqualTo("kafka");
        });
        assertThat(stage.isShowing()).isFalse();
        assertThat(api.writes()).isEmpty();
    }
}
