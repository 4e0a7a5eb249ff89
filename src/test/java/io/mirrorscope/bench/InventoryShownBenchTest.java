package io.mirrorscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.kube.inventory.ResourceMapping;
import io.mirrorscope.ui.inventory.InventoryView;
import io.mirrorscope.ui.inventory.InventoryViewModel;
import io.mirrorscope.ui.topology.TopologyView;
import io.mirrorscope.ui.topology.TopologyViewModel;
import java.time.Clock;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Shown" part of the inventory bar: map 1,000 resources, then hand the snapshot to both views and render one
 * frame (CSS, layout, snapshot of the scene) on the FX thread. Wall-clock, best of 5 after 3 warm-ups; printed,
 * not asserted (excluded from the default run; see {@link InventoryBenchmarkTest} for how to run benchmarks).
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class InventoryShownBenchTest {

    private final InventoryViewModel inventoryVm = new InventoryViewModel(Clock.systemUTC());
    private final TopologyViewModel topologyVm = new TopologyViewModel();
    private Parent root;

    @Start
    void start(Stage stage) {
        root = new HBox(InventoryView.create(inventoryVm).node(), TopologyView.create(topologyVm).node());
        stage.setScene(new Scene(root, 1800, 900));
        stage.show();
    }

    @Test
    void thousandResourcesMappedAndShown(FxRobot robot) {
        List<GenericKubernetesResource> resources = InventoryBenchmark.generate();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 8; round++) {
            long[] nanos = new long[1];
            robot.interact(() -> {
                long t0 = System.nanoTime();
                Inventory.Parts parts = Inventory.Parts.empty();
                for (GenericKubernetesResource r : resources) {
                    ResourceMapping.add(parts, ResourceKind.ofKind(r.getKind()), r);
                }
                Inventory inv = Inventory.assemble("bench", List.of("bench"), parts);
                inventoryVm.setInventory(inv);
                topologyVm.setInventory(inv);
                root.applyCss();
                root.layout();
                root.snapshot(null, null);
                nanos[0] = System.nanoTime() - t0;
            });
            if (round >= 3) {
                best = Math.min(best, nanos[0]);
            }
        }
        System.out.printf("inventory shown: 1,000 resources mapped + both views rendered in %.1f ms (best of 5)%n",
                best / 1e6);
        assertThat(topologyVm.getTopology().edges()).hasSize(300);
    }
}
