package io.mirrorscope.app;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.health.HealthSnapshot;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.MirrorKind;
import io.mirrorscope.kafka.health.HealthMonitor;
import io.mirrorscope.kafka.health.MirrorHealthLinks;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.ProblemSlot;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.health.HealthFeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.util.Subscription;

/**
 * The health monitors of one workspace, one per mirror, shared by whoever looks: a mirror's health view and the
 * topology (which colours every link) use the same monitor, started by the first and closed after the last lets
 * go. A monitor's snapshots reach the FX thread coalesced (the newest one, at most one hand-off pending), then go
 * to the mirror's health views and to the workspace-wide listeners. FX thread, except where said.
 */
final class MirrorHealthWatches implements AutoCloseable {

    private final KubeSession session;
    private final Supplier<Inventory> inventory;
    private final BackgroundWork work;
    private final ExecutorService io;
    private final List<BiConsumer<ViewTarget.Health, HealthSnapshot>> listeners = new ArrayList<>();
    private final Map<ViewTarget.Health, Watch> watches = new LinkedHashMap<>();
    private boolean closed;

    MirrorHealthWatches(KubeSession session, Supplier<Inventory> inventory, BackgroundWork work,
                        ExecutorService io) {
        this.session = session;
        this.inventory = inventory;
        this.work = work;
        this.io = io;
    }

    /** Whether a mirror's data can be watched: MirrorMaker 2 and MirrorSourceConnectors (MM1 writes no heartbeats). */
    static boolean watchable(Mirror m) {
        return m.kind() != MirrorKind.KafkaMirrorMaker;
    }

    /** Every snapshot of every watched mirror, on the FX thread (the topology's colours). */
    void addListener(BiConsumer<ViewTarget.Health, HealthSnapshot> listener) {
        listeners.add(listener);
    }

    /** A feed for a health view: holds the mirror's watch from {@code start} to {@code close}. */
    HealthFeed feed(ViewTarget.Health target) {
        return new Feed(target);
    }

    /** Holds the watches of {@code targets} for {@code owner}; releases those it held and no longer lists. */
    void hold(Object owner, Set<ViewTarget.Health> targets) {
        for (ViewTarget.Health t : targets) {
            acquire(t, owner);
        }
        for (Watch w : new ArrayList<>(watches.values())) {
            if (!targets.contains(w.target) && w.owners.contains(owner)) {
                release(w.target, owner);
            }
        }
    }

    private Watch acquire(ViewTarget.Health target, Object owner) {
        Watch w = watches.computeIfAbsent(target, Watch::new);
        if (w.owners.add(owner) && w.owners.size() == 1) {
            w.start();
        }
        return w;
    }

    private void release(ViewTarget.Health target, Object owner) {
        Watch w = watches.get(target);
        if (w != null && w.owners.remove(owner) && w.owners.isEmpty()) {
            watches.remove(target);
            w.stop();
        }
    }

    @Override
    public void close() {
        closed = true;
        new ArrayList<>(watches.values()).forEach(Watch::stop);
        watches.clear();
    }

    /** One mirror's monitor and its connections. */
    private final class Watch {
        final ViewTarget.Health target;
        final Set<Object> owners = new HashSet<>();
        final List<Consumer<HealthSnapshot>> views = new ArrayList<>();
        final ProblemSlot problems = new ProblemSlot();
        final AtomicReference<HealthSnapshot> pending = new AtomicReference<>();
        Duration interval = HealthMonitor.Options.DEFAULTS.interval();
        HealthSnapshot latest;
        Parts parts;
        boolean stopped;

        Watch(ViewTarget.Health target) {
            this.target = target;
        }

        void start() {
            String label = "Reading the health of " + target.name();
            work.run(label, () -> open(), problems, this::start, opened -> {
                if (stopped || closed) {
                    io.execute(opened::close); // let go while it was connecting
                } else {
                    parts = opened;
                }
            });
        }

        private Parts open() {
            Mirror mirror = inventory.get().mirrors().stream()
                    .filter(m -> m.namespace().equals(target.namespace()) && m.name().equals(target.name()))
                    .findFirst().orElseThrow(() -> new ProblemException(Problem.of(Problem.Kind.NOT_FOUND,
                            "The mirror " + target.namespace() + "/" + target.name() + " is no longer listed", "",
                            "Refresh the inventory (F5) and open it again")));
            MirrorHealthLinks links = MirrorHealthLinks.open(session.client(), inventory.get(), mirror,
                    MirrorHealthLinks.Access.DEFAULTS);
            try {
                HealthMonitor.Options defaults = HealthMonitor.Options.DEFAULTS;
                HealthMonitor monitor = new HealthMonitor(links.links(), new HealthMonitor.Options(interval,
                        defaults.callTimeout(), defaults.configInterval(), defaults.settings()), this::offer);
                return new Parts(links, monitor.start());
            } catch (RuntimeException e) {
                links.close();
                throw e;
            }
        }

        /** Monitor thread: keeps the newest snapshot, hands off only when none is pending. */
        private void offer(HealthSnapshot s) {
            if (pending.getAndSet(s) == null) {
                work.fx().execute(this::deliver);
            }
        }

        private void deliver() {
            HealthSnapshot s = pending.getAndSet(null);
            if (s == null || stopped) {
                return;
            }
            latest = s;
            List.copyOf(views).forEach(v -> v.accept(s));
            listeners.forEach(l -> l.accept(target, s));
        }

        void setInterval(Duration d) {
            interval = d;
            if (parts != null) {
                Parts p = parts;
                io.execute(() -> p.monitor().setInterval(d));
            }
        }

        void stop() {
            stopped = true;
            if (parts != null) {
                Parts p = parts;
                parts = null;
                io.execute(p::close); // closing clients and tunnels blocks
            }
        }
    }

    private record Parts(MirrorHealthLinks links, HealthMonitor monitor) implements AutoCloseable {
        @Override
        public void close() {
            monitor.close();
            links.close();
        }
    }

    /** A health view's hold on its mirror's watch. */
    private final class Feed implements HealthFeed {
        private final ViewTarget.Health target;
        private Watch watch;
        private Consumer<HealthSnapshot> sink;
        private Subscription problemCopy = Subscription.EMPTY;

        Feed(ViewTarget.Health target) {
            this.target = target;
        }

        @Override
        public void start(Consumer<HealthSnapshot> snapshots, ProblemSlot problems) {
            watch = acquire(target, this);
            sink = snapshots;
            watch.views.add(sink);
            problemCopy = watch.problems.currentProperty().subscribe(p -> {
                if (p == null) {
                    problems.clear();
                } else {
                    problems.show(p);
                }
            });
            if (watch.latest != null) {
                snapshots.accept(watch.latest);
            }
        }

        @Override
        public Duration interval() {
            return watch == null ? HealthMonitor.Options.DEFAULTS.interval() : watch.interval;
        }

        @Override
        public void setInterval(Duration interval) {
            if (watch != null) {
                watch.setInterval(interval);
            }
        }

        @Override
        public void close() {
            problemCopy.unsubscribe();
            if (watch != null) {
                watch.views.remove(sink);
                release(target, this);
                watch = null;
            }
        }
    }
}
