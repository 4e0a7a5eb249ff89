package io.mirrorscope.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyLayoutTest {

    @Test
    void twentyClustersFitWithoutOverlap() {
        Topology t = TopologySamples.large().topology();
        assertThat(t.nodes()).hasSize(20);
        assertThat(t.edges()).hasSize(40);
        TopologyLayout.Result r = TopologyLayout.layout(t, 1400, 900);
        for (TopologyLayout.NodeBox a : r.nodes()) {
            assertThat(a.x()).isGreaterThanOrEqualTo(0);
            assertThat(a.y()).isGreaterThanOrEqualTo(0);
            assertThat(a.x() + a.w()).isLessThanOrEqualTo(1400);
            assertThat(a.y() + a.h()).isLessThanOrEqualTo(900);
            for (TopologyLayout.NodeBox b : r.nodes()) {
                if (a != b) {
                    boolean overlap = a.x() < b.x() + b.w() && b.x() < a.x() + a.w()
                            && a.y() < b.y() + b.h() && b.y() < a.y() + a.h();
                    assertThat(overlap).as(a.node().name() + " vs " + b.node().name()).isFalse();
                }
            }
        }
    }

    @Test
    void bidirectionalLinksAreDrawnApartAndEndOnBoxBorders() {
        Inventory.Parts parts = Inventory.Parts.empty();
        parts.clusters().add(TopologySamples.cluster("ns", "a", true));
        parts.clusters().add(TopologySamples.cluster("ns", "b", true));
        parts.mirrors().add(TopologySamples.mm2("ns", "a-to-b", "a", "b", ".*", Health.READY));
        parts.mirrors().add(TopologySamples.mm2("ns", "b-to-a", "b", "a", ".*", Health.FAILED));
        Topology t = Inventory.assemble("", List.of("ns"), parts).topology();
        TopologyLayout.Result r = TopologyLayout.layout(t, 800, 400);
        TopologyLayout.EdgePath ab = r.edges().get(0);
        TopologyLayout.EdgePath ba = r.edges().get(1);
        // Their midpoints sit on opposite sides of the line between the boxes, a fan spacing apart.
        assertThat(Math.hypot(ab.lx() - ba.lx(), ab.ly() - ba.ly())).isGreaterThan(TopologyLayout.FAN_SPACING - 1);
        assertThat(ab.at(0.5)[0]).isCloseTo(ab.lx(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(ab.at(0.5)[1]).isCloseTo(ab.ly(), org.assertj.core.data.Offset.offset(0.5));
        TopologyLayout.NodeBox a = r.nodes().get(0);
        TopologyLayout.NodeBox b = r.nodes().get(1);
        assertThat(a.cx()).isLessThan(b.cx());
        assertThat(ab.x1()).isCloseTo(a.x() + a.w(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(ab.x2()).isCloseTo(b.x(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(ab.health()).isEqualTo(Health.READY);
        assertThat(ba.health()).isEqualTo(Health.FAILED);
    }

    @Test
    void hitTestingFindsNodesAndLinks() {
        TopologyLayout.Result r = TopologyLayout.layout(TopologySamples.large().topology(), 1400, 900);
        TopologyLayout.NodeBox n = r.nodes().get(5);
        assertThat(r.nodeAt(n.cx(), n.cy())).contains(n);
        TopologyLayout.EdgePath e = r.edges().get(7);
        double[] p = e.at(0.3);
        assertThat(r.edgeAt(p[0], p[1], 4)).isPresent();
        assertThat(r.nodeAt(-5, -5)).isEmpty();
        assertThat(r.edgeAt(1, 1, 4)).isEmpty();
    }
}
