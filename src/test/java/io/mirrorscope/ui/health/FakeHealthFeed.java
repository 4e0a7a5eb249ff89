package io.mirrorscope.ui.health;

import io.mirrorscope.core.health.HealthSnapshot;
import io.mirrorscope.ui.common.ProblemSlot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A health feed the test drives: it pushes snapshots and problems, and sees starts, intervals and the close. */
public final class FakeHealthFeed implements HealthFeed {

    private Consumer<HealthSnapshot> sink;
    private ProblemSlot problems;
    private Duration interval = Duration.ofSeconds(2);
    public final List<Duration> intervalsSet = new ArrayList<>();
    public int starts;
    public boolean closed;

    @Override
    public void start(Consumer<HealthSnapshot> snapshots, ProblemSlot problems) {
        starts++;
        this.sink = snapshots;
        this.problems = problems;
    }

    /** Delivers a snapshot as the app's feed would (on the FX thread in a GUI test). */
    public void push(HealthSnapshot snapshot) {
        sink.accept(snapshot);
    }

    public ProblemSlot problems() {
        return problems;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void setInterval(Duration interval) {
        this.interval = interval;
        intervalsSet.add(interval);
    }

    @Override
    public void close() {
        closed = true;
    }
}
