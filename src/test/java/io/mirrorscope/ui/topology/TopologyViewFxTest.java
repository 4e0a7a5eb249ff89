package io.mirrorscope.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.TopologyEdge;
import io.mirrorscope.kube.inventory.InventoryReaderSeedTest;
import io.mirrorscope.testsupport.Screenshots;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The topology tab drawn for the seed and for 20 clusters / 40 links; clicks select; PNG export. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class TopologyViewFxTest {

    private TopologyView view;
    private final TopologyViewModel viewModel = new TopologyViewModel();

    @Start
    void start(Stage stage) {
        view = TopologyView.create(viewModel);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1400, 860));
        stage.show();
    }

    private void show(Inventory inventory, FxRobot robot) {
        robot.interact(() -> viewModel.setInventory(inventory));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void seedDrawsTwoClustersAndTheMirrorMaker(FxRobot robot) throws Exception {
        Inventory seed = InventoryReaderSeedTest.readSeed();
        show(seed, robot);
        TopologyCanvas canvas = view.controller().canvas();
        TopologyLayout.Result layout = canvas.layoutResult();
        assertThat(layout.nodes()).hasSize(2);
        TopologyLayout.EdgePath edge = layout.edges().getFirst();
        double[] mid = edge.at(0.25);
        Point2D screen = canvas.localToScreen(mid[0], mid[1]);
        robot.clickOn(screen);
        assertThat(viewModel.selectedMirrorProperty().get().name()).isEqualTo("my-mirror-maker");
        assertThat(viewModel.detailsProperty().get()).contains("europe-cluster").contains("identity");
        Screenshots.save(view.node(), "topology-seed");

        TopologyLayout.NodeBox us = layout.nodes().get(1);
        robot.clickOn(canvas.localToScreen(us.cx(), us.cy()));
        assertThat(viewModel.detailsProperty().get()).startsWith("Kafka amq-streams/us-cluster");
    }

    @Test
    void rightClickOnALinkOffersItsRecordsCompared(FxRobot robot) throws Exception {
        show(InventoryReaderSeedTest.readSeed(), robot);
        java.util.List<TopologyEdge> compared = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<io.mirrorscope.ui.common.ViewTarget> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            viewModel.setCompareAction(compared::add);
            viewModel.setOpener(opened::add);
        });
        TopologyCanvas canvas = view.controller().canvas();
        TopologyLayout.EdgePath edge = canvas.layoutResult().edges().getFirst();
        double[] mid = edge.at(0.25);
        robot.rightClickOn(canvas.localToScreen(mid[0], mid[1]));
        robot.clickOn("Compare records…");
        assertThat(compared).containsExactly(edge.edge());
        assertThat(viewModel.selectedMirrorProperty().get().name()).isEqualTo(edge.edge().mirror().name());

        robot.rightClickOn(canvas.localToScreen(mid[0], mid[1]));
        robot.clickOn("Mirror health");
        assertThat(opened).hasSize(1);
    }

    @Test
    void twentyClustersAndFortyLinksAndPngExport(FxRobot robot) throws Exception {
        show(TopologySamples.large(), robot);
        TopologyEdge selected = viewModel.getTopology().edges().get(5);
        robot.interact(() -> viewModel.select(selected));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(view.node(), "topology-20-clusters-40-links");
        Path png = Path.of("target", "screenshots", "topology-export.png");
        robot.interact(() -> view.controller().saveTo(png));
        assertThat(png).exists().isNotEmptyFile();
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isGreaterThan(500);
    }

    @Test
    void aClosedViewIsCollectableWhileItsViewModelLives(FxRobot robot) {
        show(InventoryReaderSeedTest.readSeed(), robot);
        java.util.List<java.lang.ref.WeakReference<Object>> closed = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            robot.interact(() -> {
                TopologyView extra = TopologyView.create(viewModel);
                new Scene((javafx.scene.Parent) extra.node()).getRoot().applyCss();
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
