package io.mirrorscope.kafka.health;

import io.mirrorscope.core.health.ClusterReading;
import io.mirrorscope.core.health.HealthSettings;
import io.mirrorscope.core.health.HealthSnapshot;
import io.mirrorscope.core.health.LinkHealth;
import io.mirrorscope.core.health.LinkHealthTracker;
import io.mirrorscope.core.health.LinkReading;
import io.mirrorscope.core.health.LinkSpec;
import io.mirrorscope.core.health.TopicSelection;
import io.mirrorscope.kafka.ConnectionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches mirror links from their clusters' data, every few seconds, on its own threads: a scheduler thread runs
 * one round at a time, and each round reads every cluster in parallel on virtual threads (a cluster that does not
 * answer costs one call timeout, and delays no other cluster). Clusters shared by links are read once per round.
 * Each round ends with one immutable {@link HealthSnapshot} handed to the listener (on the scheduler thread; a GUI
 * polls {@link #latest()} or hops to its own thread) — nothing here blocks a caller but {@link #refresh()}.
 *
 * <p>Read-only: DescribeCluster, Metadata, ListOffsets, DescribeConfigs through {@code ReadOnlyAdmin}, and Fetch
 * of MM2's heartbeats, checkpoints and offset syncs through a consumer without a group (syncs decoded by the
 * compare engine's {@code OffsetSyncReader}; on the source, or on the target with
 * {@code offset-syncs.topic.location=target}).
 */
public final class HealthMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
    /** The topic MM2's heartbeat connector writes on the cluster its Connect runs against. */
    private static final String LOCAL_HEARTBEATS = "heartbeats";

    /**
     * A link and how to reach its two clusters.
     *
     * @param spec   the link
     * @param source the source cluster's connection
     * @param target the target cluster's connection
     */
    public record Link(LinkSpec spec, ConnectionSettings source, ConnectionSettings target) {
    }

    /**
     * How the monitor runs.
     *
     * @param interval       time between the end of one round and the start of the next
     * @param callTimeout    how long one request may take (a dead cluster costs this per round)
     * @param configInterval how often topic configs and partition counts are read again (they change rarely, and
     *                       there are many); new topics are described at once
     * @param settings       the verdict's thresholds
     */
    public record Options(Duration interval, Duration callTimeout, Duration configInterval, HealthSettings settings) {
        /** Every 2 s, 3 s per call, configs every 30 s, default thresholds: a dead cluster is red in about 8 s. */
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(30), HealthSettings.DEFAULTS);
    }

    private record Entry(Link link, LinkHealthTracker tracker, ClusterPoller source, ClusterPoller target) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, ClusterPoller> pollers = new LinkedHashMap<>();
    private final Options options;
    private final Consumer<HealthSnapshot> listener;
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mirrorscope-health");
        t.setDaemon(true);
        return t;
    });
    private final ReentrantLock round = new ReentrantLock();
    private volatile HealthSnapshot latest;
    private volatile Duration interval;
    private ScheduledFuture<?> scheduled;
    private long lastConfigRead = Long.MIN_VALUE / 2;

    /**
     * @param links    the links to watch
     * @param options  intervals and thresholds
     * @param listener gets each round's snapshot on the monitor's thread; may be null
     */
    public HealthMonitor(List<Link> links, Options options, Consumer<HealthSnapshot> listener) {
        this.options = options;
        this.interval = options.interval();
        this.listener = listener == null ? s -> { } : listener;
        for (Link link : links) {
            entries.add(new Entry(link, new LinkHealthTracker(link.spec(), options.settings()),
                    poller(link.source()), poller(link.target())));
        }
    }

    private ClusterPoller poller(ConnectionSettings settings) {
        // the same brokers with the same credentials are one cluster to read, however many links use them
        String key = settings.bootstrapServers() + "|" + settings.protocol() + "|" + settings.auth().describe();
        return pollers.computeIfAbsent(key, k -> new ClusterPoller(settings, options.callTimeout()));
    }

    /** Starts refreshing on the monitor's thread, first round at once. */
    public synchronized HealthMonitor start() {
        if (scheduled == null) {
            scheduled = scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Changes the time between rounds (the GUI's interval control); takes effect after the current round. */
    public synchronized void setInterval(Duration next) {
        interval = Objects.requireNonNull(next);
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = scheduler.scheduleWithFixedDelay(this::refreshQuietly, next.toMillis(), next.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    public Duration interval() {
        return interval;
    }

    /** The newest snapshot; null before the first round ends. */
    public HealthSnapshot latest() {
        return latest;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("health round failed: {}", e.toString(), e);
        }
    }

    /** Runs one round now and returns its snapshot; blocks (CLI, tests, benchmarks); rounds never overlap. */
    public HealthSnapshot refresh() {
        round.lock();
        try {
            long t0 = System.nanoTime();
            long now = System.currentTimeMillis();
            boolean configs = now - lastConfigRead >= options.configInterval().toMillis();
            Map<ClusterPoller, Future<ClusterReading>> futures = new IdentityHashMap<>();
            for (ClusterPoller poller : pollers.values()) {
                ClusterPoller.Demand demand = demand(poller, configs);
                futures.put(poller, io.submit(() -> poller.read(demand)));
            }
            Map<ClusterPoller, ClusterReading> readings = new IdentityHashMap<>();
            futures.forEach((poller, future) -> readings.put(poller, join(future)));
            if (configs) {
                lastConfigRead = now;
            }
            long at = System.currentTimeMillis();
            List<LinkHealth> links = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                ClusterReading target = readings.get(e.target());
                LinkSpec spec = e.link().spec();
                LinkReading.HeartbeatReading heartbeat = null;
                List<LinkReading.CheckpointReading> checkpoints = List.of();
                if (target.answered()) {
                    String replicated = spec.replicatedHeartbeatsTopic();
                    if (target.topics().contains(replicated) || !target.topics().contains(LOCAL_HEARTBEATS)) {
                        heartbeat = new LinkReading.HeartbeatReading(replicated, target.topics().contains(replicated),
                                e.target().newestHeartbeat(replicated, null), !replicated.equals(LOCAL_HEARTBEATS));
                    } else {
                        heartbeat = new LinkReading.HeartbeatReading(LOCAL_HEARTBEATS, true,
                                e.target().newestHeartbeat(LOCAL_HEARTBEATS, spec.sourceAlias()), false);
                    }
                    checkpoints = e.target().checkpoints(spec.checkpointsTopic());
                }
                ClusterPoller syncsAt = spec.offsetSyncsOnTarget() ? e.target() : e.source();
                links.add(e.tracker().update(new LinkReading(at, readings.get(e.source()), target, heartbeat,
                        checkpoints, syncsAt.offsetSyncs(spec.offsetSyncsTopic()))));
            }
            HealthSnapshot snapshot = new HealthSnapshot(at, (System.nanoTime() - t0) / 1_000_000, links);
            latest = snapshot;
            try {
                listener.accept(snapshot);
            } catch (RuntimeException ex) {
                LOG.warn("health listener failed: {}", ex.toString(), ex);
            }
            return snapshot;
        } finally {
            round.unlock();
        }
    }

    private ClusterPoller.Demand demand(ClusterPoller poller, boolean configs) {
        List<TopicSelection> asSource = new ArrayList<>();
        List<TopicSelection> asTarget = new ArrayList<>();
        Set<String> heartbeats = new HashSet<>();
        Set<String> checkpoints = new HashSet<>();
        Set<String> syncs = new HashSet<>();
        for (Entry e : entries) {
            LinkSpec spec = e.link().spec();
            if ((spec.offsetSyncsOnTarget() ? e.target() : e.source()) == poller) {
                syncs.add(spec.offsetSyncsTopic());
            }
            if (e.source() == poller) {
                asSource.add(e.tracker().selection());
            }
            if (e.target() == poller) {
                asTarget.add(e.tracker().selection());
                heartbeats.add(e.link().spec().replicatedHeartbeatsTopic());
                heartbeats.add(LOCAL_HEARTBEATS);
                checkpoints.add(e.link().spec().checkpointsTopic());
            }
        }
        java.util.function.Predicate<String> data = t -> asSource.stream().anyMatch(s -> s.matches(t))
                || asTarget.stream().anyMatch(s -> s.sourceOf(t).isPresent());
        return new ClusterPoller.Demand(t -> heartbeats.contains(t) || checkpoints.contains(t) || syncs.contains(t)
                || data.test(t), data, Set.copyOf(heartbeats), Set.copyOf(checkpoints), Set.copyOf(syncs), configs);
    }

    private static ClusterReading join(Future<ClusterReading> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ClusterReading.unanswered(System.currentTimeMillis(), "interrupted");
        } catch (ExecutionException e) {
            return ClusterReading.unanswered(System.currentTimeMillis(), String.valueOf(e.getCause()));
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        io.shutdown();
        for (ClusterPoller p : pollers.values()) {
            try {
                p.close();
            } catch (RuntimeException e) {
                LOG.debug("closing a cluster's clients failed: {}", e.toString());
            }
        }
    }
}
