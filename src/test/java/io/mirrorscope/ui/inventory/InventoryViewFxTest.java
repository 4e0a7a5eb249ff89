package io.mirrorscope.ui.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.kube.inventory.InventoryReaderSeedTest;
import io.mirrorscope.testsupport.Screenshots;
import io.mirrorscope.ui.topology.TopologySamples;
import java.time.Clock;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The inventory tab with the seed's resources: tables, filter, details with YAML and conditions. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class InventoryViewFxTest {

    private InventoryView view;
    private final InventoryViewModel viewModel = new InventoryViewModel(Clock.systemUTC());

    @Start
    void start(Stage stage) {
        view = InventoryView.create(viewModel);
        stage.setScene(new Scene((Parent) view.node(), 1300, 760));
        stage.show();
    }

    @Test
    void seedClustersSelectShowsYamlAndFilterNarrows(FxRobot robot) {
        Inventory seed = InventoryReaderSeedTest.readSeed();
        robot.interact(() -> viewModel.setInventory(seed));
        TableView<?> clusters = robot.lookup("#table-clusters").queryAs(TableView.class);
        assertThat(clusters.getItems()).hasSize(2);
        robot.clickOn("europe-cluster");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.selectedProperty().get().meta().name()).isEqualTo("europe-cluster");
        io.mirrorscope.ui.common.CodeView yaml = robot.lookup(".code-view")
                .queryAs(io.mirrorscope.ui.common.CodeView.class);
        assertThat(yaml.text()).contains("name: \"europe-cluster\"");
        // the code view never wraps: long lines scroll sideways
        assertThat(yaml.area().isWrapText()).isFalse();
        // the key/value facts sit in an aligned grid, one row per fact
        javafx.scene.layout.GridPane facts = robot.lookup(".detail-grid").queryAs(javafx.scene.layout.GridPane.class);
        assertThat(facts.getChildren()).extracting(n -> ((javafx.scene.control.Label) n).getText())
                .contains("Name", "europe-cluster", "Namespace", "amq-streams");
        Screenshots.save(view.node(), "inventory-seed-clusters");

        // every column sorts (the table sorts a SortedList bound to its comparator): Name descending
        assertThat(clusters.getColumns()).allMatch(c -> c.isSortable());
        robot.interact(() -> {
            javafx.scene.control.TableColumn<?, ?> name = clusters.getColumns().get(1);
            name.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            @SuppressWarnings("unchecked")
            javafx.collections.ObservableList<javafx.scene.control.TableColumn<?, ?>> order =
                    (javafx.collections.ObservableList<javafx.scene.control.TableColumn<?, ?>>) (Object)
                            clusters.getSortOrder();
            order.setAll(name);
        });
        assertThat(clusters.getItems()).extracting(r -> ((InventoryRow) r).meta().name())
                .containsExactly("us-cluster", "europe-cluster");
        robot.clickOn("#filter").write("us-");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clusters.getItems()).hasSize(1);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(3));
        assertThat(tabs.getTabs().get(3).getText()).isEqualTo("Users (1)");
    }

    @Test
    void mirrorsWithAFailingTaskAndAForbiddenKind(FxRobot robot) {
        Inventory.Parts parts = Inventory.Parts.empty();
        Inventory seed = InventoryReaderSeedTest.readSeed();
        parts.clusters().addAll(seed.clusters());
        parts.mirrors().addAll(seed.mirrors());
        parts.mirrors().add(TopologySamples.mm2("amq-streams", "europe-to-us-mm2", "europe-cluster", "us-cluster",
                "my-.*", Health.FAILED));
        parts.mirrors().add(TopologySamples.mm2("amq-streams", "us-to-europe-mm2", "us-cluster", "europe-cluster",
                ".*", Health.DEGRADED));
        parts.kinds().putAll(seed.kinds());
        parts.kinds().put(io.mirrorscope.core.inventory.ResourceKind.KAFKA_USER,
                new io.mirrorscope.core.inventory.KindStatus(io.mirrorscope.core.inventory.ResourceKind.KAFKA_USER,
                        io.mirrorscope.core.inventory.KindStatus.State.FORBIDDEN, "v1beta1",
                        "not allowed to list kafkausers in namespace amq-streams: kafkausers.kafka.strimzi.io is "
                                + "forbidden: User \"dev\" cannot list resource \"kafkausers\""));
        robot.interact(() -> viewModel.setInventory(Inventory.assemble("seed", List.of("amq-streams"), parts)));
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.clickOn("europe-to-us-mm2");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.notesProperty().get()).contains("FAILED");
        Screenshots.save(view.node(), "inventory-mirrors-failing");
        robot.interact(() -> tabs.getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.panelMessageProperty(Panel.USERS).get()).contains("cannot list");
        Screenshots.save(view.node(), "inventory-users-forbidden");
    }

    @Test
    void aProblemShowsInFullInTheBannerWithCopyDetailsAndRetryAndClears(FxRobot robot) {
        robot.interact(() -> viewModel.setInventory(InventoryReaderSeedTest.readSeed()));
        java.util.List<String> copied = new java.util.ArrayList<>();
        int[] retries = {0};
        io.mirrorscope.ui.common.ProblemBanner banner = robot.lookup(".problem-banner")
                .queryAs(io.mirrorscope.ui.common.ProblemBanner.class);
        assertThat(banner.isVisible()).isFalse();
        String longDetail = "watch of kafkausers in amq-streams failed: kafkausers.kafka.strimzi.io is forbidden: "
                + "User \"system:serviceaccount:amq-streams:mirrorscope\" cannot watch resource \"kafkausers\" in "
                + "API group \"kafka.strimzi.io\" in the namespace \"amq-streams\"";
        robot.interact(() -> {
            banner.setClipboard(copied::add);
            io.mirrorscope.ui.common.BackgroundWork.report(viewModel.problems(),
                    io.mirrorscope.ui.common.ProblemReport.of("Reading the inventory of sandbox",
                            new io.mirrorscope.core.ProblemException(io.mirrorscope.core.Problem.of(
                                    io.mirrorscope.core.Problem.Kind.FORBIDDEN, "Not allowed to watch KafkaUsers",
                                    longDetail, "Ask for the mirrorscope-reader role (see the README).")),
                            () -> retries[0]++));
        });
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.textProperty().getValue()).contains(longDetail).doesNotContain("\tat ");
        java.nio.file.Path png = Screenshots.save(view.node(), "inventory-problem-banner");
        assertThat(png).exists();

        robot.clickOn("#copyDetails");
        assertThat(copied).singleElement().asString().contains(longDetail).contains("Error code: FORBIDDEN-");
        robot.clickOn("#retryProblem");
        assertThat(retries[0]).isEqualTo(1);
        assertThat(banner.isVisible()).as("Retry clears the banner until the retry fails again").isFalse();
    }

    @Test
    void aClosedViewIsCollectableWhileItsViewModelLives(FxRobot robot) {
        robot.interact(() -> viewModel.setInventory(InventoryReaderSeedTest.readSeed()));
        List<java.lang.ref.WeakReference<Object>> closed = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            robot.interact(() -> {
                InventoryView extra = InventoryView.create(viewModel);
                new Scene((Parent) extra.node()).getRoot().applyCss();
                viewModel.setInventory(InventoryReaderSeedTest.readSeed());
                extra.close();
                closed.add(new java.lang.ref.WeakReference<>(extra.node()));
            });
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            System.gc();
            return closed.stream().allMatch(ref -> ref.get() == null);
        });
    }
}
