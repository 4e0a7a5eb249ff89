package io.mirrorscope.ui.inventory;

import io.mirrorscope.core.inventory.Inventory;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands inventory snapshots from the inventory thread to the FX thread: only the newest snapshot is kept, and at
 * most one hand-off is queued at a time, so a burst of changes costs one UI update. Register it as the live
 * inventory's listener; {@code fx} is {@code Platform::runLater} in the app.
 */
public final class InventoryFeed implements Consumer<Inventory> {

    private final Executor fx;
    private final List<Consumer<Inventory>> targets;
    private final AtomicReference<Inventory> pending = new AtomicReference<>();

    /**
     * @param fx      runs a task on the FX thread
     * @param targets e.g. {@code inventoryViewModel::setInventory, topologyViewModel::setInventory}
     */
    @SafeVarargs
    public InventoryFeed(Executor fx, Consumer<Inventory>... targets) {
        this.fx = fx;
        this.targets = List.of(targets);
    }

    @Override
    public void accept(Inventory inventory) {
        if (pending.getAndSet(inventory) == null) {
            fx.execute(() -> {
                Inventory newest = pending.getAndSet(null);
                if (newest != null) {
                    targets.forEach(t -> t.accept(newest));
                }
            });
        }
    }
}
