package io.mirrorscope.ui.health;

import io.mirrorscope.core.health.HealthSnapshot;
import io.mirrorscope.ui.common.ProblemSlot;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Where a health view's snapshots come from: the app adapts a running health monitor to it (the UI imports no
 * Kafka); tests give a fake. Callbacks arrive on the FX thread, at most one snapshot per refresh round.
 */
public interface HealthFeed {

    /**
     * Starts delivering: every round's snapshot to {@code snapshots}; a failure to start (the clusters' credentials,
     * a tunnel) to {@code problems} (the view's banner), with a retry.
     */
    void start(Consumer<HealthSnapshot> snapshots, ProblemSlot problems);

    /** The time between rounds. */
    Duration interval();

    /** Changes the time between rounds (takes effect after the current round). */
    void setInterval(Duration interval);

    /** Stops delivering and releases what the feed holds; the view is closing. */
    void close();
}
