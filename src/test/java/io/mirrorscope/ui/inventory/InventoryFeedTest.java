package io.mirrorscope.ui.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.Inventory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class InventoryFeedTest {

    @Test
    void aBurstBecomesOneHandOffWithTheNewestSnapshot() {
        Queue<Runnable> fxQueue = new ArrayDeque<>();
        List<Inventory> seen = new ArrayList<>();
        InventoryFeed feed = new InventoryFeed(fxQueue::add, seen::add);
        Inventory a = Inventory.empty("a", List.of());
        Inventory b = Inventory.empty("b", List.of());
        Inventory c = Inventory.empty("c", List.of());
        feed.accept(a);
        feed.accept(b);
        feed.accept(c);
        assertThat(fxQueue).hasSize(1);
        fxQueue.poll().run();
        assertThat(seen).containsExactly(c);
        feed.accept(a);
        assertThat(fxQueue).hasSize(1);
        fxQueue.poll().run();
        assertThat(seen).containsExactly(c, a);
    }
}
