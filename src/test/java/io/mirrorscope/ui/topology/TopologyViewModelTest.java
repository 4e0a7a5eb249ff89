package io.mirrorscope.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.TopologyEdge;
import org.junit.jupiter.api.Test;

class TopologyViewModelTest {

    @Test
    void summaryAndSelectionSurviveRefresh() {
        TopologyViewModel vm = new TopologyViewModel();
        Inventory inv = TopologySamples.large();
        vm.setInventory(inv);
        assertThat(vm.summaryProperty().get()).startsWith("20 clusters · 40 links").contains("failing")
                .contains("degraded");
        TopologyEdge failing = inv.topology().edges().stream()
                .filter(e -> e.health() == io.mirrorscope.core.inventory.Health.FAILED).findFirst().orElseThrow();
        vm.select(failing);
        assertThat(vm.selectedMirrorProperty().get()).isEqualTo(failing.mirror());
        assertThat(vm.detailsProperty().get()).contains("State: failed").contains("task 0: FAILED")
                .contains("TopicAuthorizationException").contains("e.g. my-topic → " + failing.link().sourceAlias()
                        + ".my-topic");
        vm.setInventory(TopologySamples.large());
        assertThat(vm.selectedIdProperty().get()).isEqualTo(failing.id());
        vm.select(inv.topology().nodes().getFirst());
        assertThat(vm.selectedMirrorProperty().get()).isNull();
        assertThat(vm.detailsProperty().get()).contains("Kafka kafka/").contains("Listeners").contains("Mirror links");
        vm.setInventory(Inventory.empty("", java.util.List.of()));
        assertThat(vm.selectedIdProperty().get()).isNull();
    }
}
