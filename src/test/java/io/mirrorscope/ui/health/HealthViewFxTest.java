package io.mirrorscope.ui.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.TopologyEdge;
import io.mirrorscope.ui.common.PngExport;
import io.mirrorscope.ui.common.Severity;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.topology.TopologySamples;
import io.mirrorscope.ui.topology.TopologyView;
import io.mirrorscope.ui.topology.TopologyViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The health view and the topology drawn from the real health engine's snapshots (a fake feed): ok, a drop filter
 * turning the Ready mirror amber, a stopped target turning it red. Pictures under target/gallery.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class HealthViewFxTest {

    private final FakeHealthFeed feed = new FakeHealthFeed();
    private final HealthSamples world = new HealthSamples();
    private HealthView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = HealthView.create(new HealthViewModel(new ViewTarget.Health("kafka", "my-mirror-maker2"), feed));
        stage.setScene(new Scene((Parent) view.node(), 1400, 900));
        stage.show();
    }

    private void push(FxRobot robot, int rounds) {
        robot.interact(() -> {
            for (int i = 0; i < rounds; i++) {
                feed.push(world.round());
            }
            view.viewModel().tick(world.now() + 1_000);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static Path gallery(javafx.scene.Node node, String name, FxRobot robot) {
        Path file = Path.of("target", "gallery", name + ".png");
        robot.interact(() -> PngExport.write(node, file));
        return file;
    }

    @Test
    void okThenDroppedRecordsThenAStoppedTarget(FxRobot robot) {
        assertThat(feed.starts).isEqualTo(1);
        push(robot, 12);
        Label verdict = robot.lookup(".health-verdict").queryAs(Label.class);
        assertThat(verdict.getText()).isEqualTo("OK");
        assertThat(verdict.getStyleClass()).contains("severity-ok");
        @SuppressWarnings("unchecked")
        TreeTableView<CoverageRow> table = robot.lookup("#coverageTable").queryAs(TreeTableView.class);
        assertThat(table.getRoot().getChildren()).extracting(i -> i.getValue().name()).contains("orders", "audit");
        robot.interact(() -> table.getRoot().getChildren().stream().filter(i -> i.getValue().name().equals("orders"))
                .findFirst().orElseThrow().setExpanded(true));
        assertThat(gallery(view.node(), "health-ok", robot)).exists();
        javafx.scene.control.TabPane tabs = robot.lookup("#detailTabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<Object> checkpoints = robot.lookup("#checkpointTable")
                .queryAs(javafx.scene.control.TableView.class);
        assertThat(checkpoints.getItems()).hasSize(1);
        gallery(view.node(), "health-checkpoints", robot);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<Object> syncs = robot.lookup("#syncTable")
                .queryAs(javafx.scene.control.TableView.class);
        assertThat(syncs.getItems()).hasSize(1);
        gallery(view.node(), "health-offset-syncs", robot);
        robot.interact(() -> tabs.getSelectionModel().select(0));

        world.targetShare(0.8);
        push(robot, 8);
        assertThat(verdict.getText()).isEqualTo("DEGRADED");
        assertThat(verdict.getStyleClass()).contains("severity-warning").doesNotContain("severity-ok");
        assertThat(robot.lookup(".health-headline").queryAs(Label.class).getText()).startsWith("Records are lost");
        assertThat(table.getRoot().getChildren().stream().filter(i -> i.getValue().name().equals("orders"))
                .findFirst().orElseThrow().isExpanded()).as("expansion survives a refresh").isTrue();
        assertThat(gallery(view.node(), "health-degraded-drop-filter", robot)).exists();

        world.targetUp(false);
        push(robot, 4);
        assertThat(verdict.getText()).isEqualTo("FAILING");
        assertThat(gallery(view.node(), "health-failing-target-down", robot)).exists();

        robot.interact(() -> view.close());
        assertThat(feed.closed).isTrue();
    }

    @Test
    void theTopologyShowsTheVerdictAndABadge(FxRobot robot) {
        TopologyViewModel vm = new TopologyViewModel();
        Inventory.Parts parts = Inventory.Parts.empty();
        parts.clusters().add(TopologySamples.cluster("kafka", "europe-cluster", true));
        parts.clusters().add(TopologySamples.cluster("kafka", "us-cluster", true));
        parts.clusters().add(TopologySamples.cluster("kafka", "asia-cluster", true));
        parts.mirrors().add(TopologySamples.mm2("kafka", "my-mirror-maker2", "europe-cluster", "us-cluster",
                "orders", Health.READY));
        parts.mirrors().add(TopologySamples.mm2("kafka", "us-to-asia", "us-cluster", "asia-cluster", "orders",
                Health.READY));
        Inventory inventory = Inventory.assemble("sandbox", List.of("kafka"), parts);
        TopologyView[] topology = new TopologyView[1];
        robot.interact(() -> {
            topology[0] = TopologyView.create(vm);
            stage.setScene(new Scene((Parent) topology[0].node(), 1100, 700));
            vm.setInventory(inventory);
        });
        assertThat(vm.healthWantedProperty().get()).as("an open topology asks for health").isTrue();
        world.rounds(5);
        world.targetShare(0.8);
        TopologyEdge link = vm.getTopology().edges().stream()
                .filter(e -> e.mirror().name().equals("my-mirror-maker2")).findFirst().orElseThrow();
        robot.interact(() -> {
            vm.showHealth("kafka", "my-mirror-maker2", world.rounds(6));
            vm.showLinkStatus(link.id(), "compare: lag 120 · 24 missing", Severity.DANGER);
            vm.select(link);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(topology[0].controller().canvas().tooltipTextOf(link)).contains("Data: degraded");
        assertThat(gallery(topology[0].node(), "topology-health", robot)).exists();
        robot.interact(() -> topology[0].close());
        assertThat(vm.healthWantedProperty().get()).isFalse();
    }
}
