package io.mirrorscope.kube.inventory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.Redactor;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.InventoryProblem;
import io.mirrorscope.core.inventory.KindStatus;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.kube.KubeErrors;
import io.mirrorscope.kube.NamespaceChoices;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory kept current by one informer per kind and namespace ({@code inNamespace(ns)}); with no namespace
 * given, every namespace the user may list: one cluster-wide informer per kind ({@code inAnyNamespace}), or, for a
 * kind the user may not list cluster-wide, one per namespace the user may see ({@link NamespaceChoices}).
 *
 * <p>Every add, change or delete schedules one rebuild (coalesced over {@link #DEBOUNCE}); the rebuild maps the
 * informers' caches and publishes an immutable {@link Inventory} to the listeners, on this class' own thread —
 * a UI must hand it to its own thread. fabric8's informers relist on 410 Gone and re-establish dropped watches
 * with backoff; this class reports a kind whose watch is down as {@link KindStatus.State#RECONNECTING}, and one
 * the user may not list as {@link KindStatus.State#FORBIDDEN} with the server's reason, without touching the
 * other kinds. A watch with no event for {@code silenceLimit} is restarted (a half-open connection looks
 * exactly like a quiet one).
 */
public final class LiveInventory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveInventory.class);
    /** The namespace of a cluster-wide informer ({@code inAnyNamespace}). */
    private static final String ANY_NAMESPACE = "";
    /** A watch down this long is listed and watched afresh (fabric8's own back-off keeps growing). */
    static final Duration RESTART_AFTER = Duration.ofSeconds(1);
    /**
     * A watch down for less than this is being re-opened, not "reconnecting": well above {@link #RESTART_AFTER}
     * plus a check period, so the restart has time to land before the window says anything.
     */
    static final Duration RECONNECT_GRACE = Duration.ofSeconds(3);
    /** Changes arriving within this window become one snapshot. */
    static final Duration DEBOUNCE = Duration.ofMillis(100);

    private final KubernetesClient client;
    private final String context;
    private final List<String> namespaces;
    private final Duration silenceLimit;
    private final Clock clock;
    private final List<Consumer<Inventory>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final Map<ResourceKind, KindStatus> fixedStates = new EnumMap<>(ResourceKind.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("inventory-live").daemon().factory());
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    private final QueryServices queryServices;
    private volatile Inventory current;
    private volatile boolean closed;

    /** One informer: a kind in a namespace, with its failure and last-event bookkeeping. */
    private static final class Watched {
        final ResourceKind kind;
        final String version;
        final String namespace;
        volatile SharedIndexInformer<GenericKubernetesResource> informer;
        volatile java.util.concurrent.CompletionStage<Void> started;
        volatile String failure;
        volatile KindStatus.State failureState;
        volatile long lastEventMillis;
        volatile long downSinceMillis = -1;
        volatile boolean restarting;
        volatile int restarts;

        Watched(ResourceKind kind, String version, String namespace) {
            this.kind = kind;
            this.version = version;
            this.namespace = namespace;
        }
    }

    /**
     * @param client       a client (the app passes its guarded session client)
     * @param context      the context name to report
     * @param namespaces   the namespaces to watch; empty for every namespace the user may list
     * @param silenceLimit restart a watch after this long without an event
     */
    public LiveInventory(KubernetesClient client, String context, List<String> namespaces, Duration silenceLimit) {
        this(client, context, namespaces, silenceLimit, Clock.systemUTC());
    }

    LiveInventory(KubernetesClient client, String context, List<String> namespaces, Duration silenceLimit,
                  Clock clock) {
        this.client = client;
        this.context = context;
        this.namespaces = List.copyOf(namespaces);
        this.silenceLimit = silenceLimit;
        this.clock = clock;
        this.current = Inventory.empty(context, namespaces);
        this.queryServices = new QueryServices(client, clock);
    }

    /** Receives every new snapshot (on the inventory thread). */
    public void addListener(Consumer<Inventory> listener) {
        listeners.add(listener);
    }

    /** The newest snapshot. */
    public Inventory current() {
        return current;
    }

    /**
     * Discovers served versions and starts the informers; returns once each has listed (or failed). Kinds that
     * fail are reported in the snapshot, never thrown.
     *
     * @throws ProblemException when the API server cannot be reached or refuses the credentials
     */
    public void start() {
        Map<ResourceKind, String> served = ApiDiscovery.discover(client);
        for (ResourceKind kind : ResourceKind.values()) {
            String version = served.get(kind);
            if (version == null) {
                fixedStates.put(kind, new KindStatus(kind, KindStatus.State.NOT_SERVED, null,
                        kind.kind() + " (" + kind.group() + ") is not served by this cluster"));
                continue;
            }
            for (String ns : namespaces.isEmpty() ? List.of(ANY_NAMESPACE) : namespaces) {
                watch(kind, version, ns);
            }
        }
        for (Watched w : watched.values()) {
            awaitFirstList(w);
        }
        if (namespaces.isEmpty()) {
            watchNamespaceByNamespaceWhereClusterWideIsForbidden();
        }
        rebuildNow();
        long checkMillis = Math.max(200, Math.min(500, silenceLimit.toMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::checkWatches, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
    }

    private Watched watch(ResourceKind kind, String version, String ns) {
        Watched w = new Watched(kind, version, ns);
        watched.put(kind + "/" + ns, w);
        startInformer(w);
        return w;
    }

    /**
     * "All namespaces" for a user who may not list a kind cluster-wide: one informer per namespace the user may
     * see instead (as an operator with namespace-scoped rights expects), keeping the refusal when there are none.
     */
    private void watchNamespaceByNamespaceWhereClusterWideIsForbidden() {
        List<Watched> refused = watched.values().stream().filter(w -> w.namespace.equals(ANY_NAMESPACE)
                && w.failureState == KindStatus.State.FORBIDDEN).toList();
        if (refused.isEmpty()) {
            return;
        }
        List<String> visible = NamespaceChoices.list(client, e -> KubeErrors.exception(e, null, null,
                String.valueOf(client.getMasterUrl()))).names();
        if (visible.isEmpty()) {
            return; // the user may see no namespace: the cluster-wide refusal is the honest answer
        }
        List<Watched> started = new ArrayList<>();
        for (Watched w : refused) {
            watched.remove(w.kind + "/" + ANY_NAMESPACE);
            SharedIndexInformer<GenericKubernetesResource> inf = w.informer;
            if (inf != null) {
                inf.stop();
            }
            for (String ns : visible) {
                started.add(watch(w.kind, w.version, ns));
            }
        }
        started.forEach(LiveInventory::awaitFirstList);
    }

    private void startInformer(Watched w) {
        w.lastEventMillis = clock.millis();
        var resources = client.genericKubernetesResources(ResourceMapping.context(w.kind, w.version));
        SharedIndexInformer<GenericKubernetesResource> informer = (w.namespace.equals(ANY_NAMESPACE)
                ? resources.inAnyNamespace() : resources.inNamespace(w.namespace)).runnableInformer(0);
        informer.exceptionHandler((started, t) -> {
            KubernetesClientException e = clientException(t);
            if (e != null && (e.getCode() == 403 || e.getCode() == 401)) {
                record(w, e);
                scheduleRebuild();
                return false; // retrying a refusal only floods the server; reopening the view retries
            }
            LOG.debug("Watch of {} in {} failed (started={}), fabric8 retries: {}", w.kind.plural(), w.namespace,
                    started, t.toString());
            return true;
        });
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource obj) {
                changed(w);
            }

            @Override
            public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
                changed(w);
            }

            @Override
            public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
                changed(w);
            }
        });
        SharedIndexInformer<GenericKubernetesResource> previous = w.informer;
        if (previous == null) {
            w.informer = informer;
        }
        w.restarting = previous != null;
        w.started = informer.start();
        w.started.whenComplete((ok, t) -> {
            try {
                w.restarting = false;
                if (t != null && previous != null && !isRefusal(t)) {
                    // A fresh start while the server is away: keep the old cache (shown as reconnecting) and try
                    // again on a later check, instead of a failure that would stick.
                    informer.stop();
                    LOG.debug("Re-opening the watch of {} {} failed: {}", w.kind.plural(), where(w.namespace),
                            t.toString());
                } else if (t != null) {
                    KubernetesClientException e = clientException(t);
                    record(w, e != null ? e : t);
                } else if (previous != null) {
                    // A restart swaps caches only once the new informer has listed: the panel never blinks empty.
                    w.informer = informer;
                    previous.stop();
                }
            } catch (RuntimeException e) {
                LOG.error("Handling the start of the {} watch in {} failed", w.kind.plural(), w.namespace, e);
            } finally {
                scheduleRebuild();
            }
        });
    }

    private static boolean isRefusal(Throwable t) {
        KubernetesClientException e = clientException(t);
        return e != null && (e.getCode() == 401 || e.getCode() == 403);
    }

    /** The KubernetesClientException in a cause chain (fabric8 wraps them in completion exceptions). */
    private static KubernetesClientException clientException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof KubernetesClientException e && e.getCode() != 0) {
                return e;
            }
        }
        return null;
    }

    private static void awaitFirstList(Watched w) {
        try {
            w.started.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // recorded by the start() completion handler; the kind's panel shows it
            LOG.debug("Informer for {} in {} did not start: {}", w.kind.plural(), w.namespace, e.toString());
        }
    }

    private void record(Watched w, Throwable t) {
        if (t instanceof KubernetesClientException e) {
            KindStatus s = InventoryReader.failed(w.kind, w.version, w.namespace, e);
            w.failureState = s.state();
            w.failure = s.message();
        } else {
            w.failureState = KindStatus.State.ERROR;
            w.failure = Redactor.scrub("watching " + w.kind.plural() + " in " + w.namespace + " failed: " + t);
        }
        LOG.warn("{} [{}]", w.failure, t.getMessage());
    }

    private void changed(Watched w) {
        w.lastEventMillis = clock.millis();
        scheduleRebuild();
    }

    private void scheduleRebuild() {
        if (!closed && rebuildPending.compareAndSet(false, true)) {
            scheduler.schedule(this::rebuildNow, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Maps every informer's cache into one snapshot and publishes it when anything differs. */
    private synchronized void rebuildNow() {
        rebuildPending.set(false);
        if (closed) {
            return;
        }
        try {
            rebuild();
        } catch (RuntimeException e) {
            // A scheduled task's exception would vanish in its future, and the UI would show a stale state.
            LOG.error("Rebuilding the inventory of {} failed", context, e);
        }
    }

    private void rebuild() {
        Inventory.Parts parts = Inventory.Parts.empty();
        parts.kinds().putAll(fixedStates);
        Map<ResourceKind, KindStatus> states = new EnumMap<>(ResourceKind.class);
        for (Watched w : watched.values()) {
            KindStatus s = state(w);
            KindStatus prev = states.get(w.kind);
            if (prev == null || prev.state() == KindStatus.State.OK) {
                states.put(w.kind, s);
            }
            if (s.state() != KindStatus.State.OK && s.state() != KindStatus.State.RECONNECTING) {
                parts.kindProblems().add(new InventoryProblem(w.kind.kind(), "", w.namespace, s.message()));
            }
            SharedIndexInformer<GenericKubernetesResource> inf = w.informer;
            if (inf != null) {
                for (GenericKubernetesResource r : inf.getStore().list()) {
                    ResourceMapping.add(parts, w.kind, r);
                }
            }
        }
        parts.kinds().putAll(states);
        if (!parts.tracing().isEmpty()) {
            try {
                var tracing = queryServices.resolve(parts.tracing());
                parts.tracing().clear();
                parts.tracing().addAll(tracing);
            } catch (KubernetesClientException e) {
                LOG.debug("Query services not checked: {}", e.toString());
            }
        }
        Inventory next = Inventory.assemble(context, namespaces.isEmpty() ? seenNamespaces(parts) : namespaces,
                parts);
        current = next;
        for (Consumer<Inventory> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("Inventory listener failed", e);
            }
        }
    }

    private KindStatus state(Watched w) {
        if (w.failureState != null) {
            return new KindStatus(w.kind, w.failureState, w.version, w.failure);
        }
        SharedIndexInformer<GenericKubernetesResource> inf = w.informer;
        if (inf != null && inf.isRunning() && !inf.isWatching()) {
            long now = clock.millis();
            if (w.downSinceMillis < 0) {
                w.downSinceMillis = now;
            }
            // A server (or an idle-timeout proxy) ends watch streams routinely and fabric8 opens the next one at
            // once: only a watch still down after RECONNECT_GRACE is "reconnecting" for the status bar.
            if (now - w.downSinceMillis >= RECONNECT_GRACE.toMillis()) {
                return new KindStatus(w.kind, KindStatus.State.RECONNECTING, w.version,
                        "watch of " + w.kind.plural() + " " + where(w.namespace) + " dropped; reconnecting");
            }
            return KindStatus.ok(w.kind, w.version);
        }
        w.downSinceMillis = -1;
        return KindStatus.ok(w.kind, w.version);
    }

    private static String where(String namespace) {
        return namespace.equals(ANY_NAMESPACE) ? "in any namespace" : "in " + namespace;
    }

    /** Watching every namespace: the snapshot names the namespaces its resources are in. */
    private List<String> seenNamespaces(Inventory.Parts parts) {
        java.util.TreeSet<String> seen = new java.util.TreeSet<>();
        for (Watched w : watched.values()) {
            SharedIndexInformer<GenericKubernetesResource> inf = w.informer;
            if (inf != null) {
                for (GenericKubernetesResource r : inf.getStore().list()) {
                    if (r.getMetadata() != null && r.getMetadata().getNamespace() != null) {
                        seen.add(r.getMetadata().getNamespace());
                    }
                }
            }
        }
        return List.copyOf(seen);
    }

    /** Publishes watch-state changes and restarts watches silent for too long. */
    private void checkWatches() {
        try {
            boolean stateChanged = false;
            for (Watched w : watched.values()) {
                KindStatus shown = current.kinds().get(w.kind);
                if (shown == null || shown.state() != mergedState(w.kind)) {
                    stateChanged = true;
                }
                if (w.failureState == null && w.downSinceMillis >= 0 && !w.restarting
                        && clock.millis() - w.downSinceMillis >= RESTART_AFTER.toMillis()) {
                    // fabric8 re-opens an ended watch with a growing back-off (it resets only on an event, and a
                    // quiet cluster sends none), so behind an idle-timeout proxy the watch would be down most of
                    // the time: list and watch afresh now instead.
                    LOG.debug("Watch of {} {} down since {}; opening it afresh", w.kind.plural(),
                            where(w.namespace), w.downSinceMillis);
                    w.restarts++;
                    startInformer(w);
                } else if (w.failureState == null && clock.millis() - w.lastEventMillis > silenceLimit.toMillis()) {
                    LOG.info("No event on {} in {} for {}; restarting the watch", w.kind.plural(), w.namespace,
                            silenceLimit);
                    w.restarts++;
                    startInformer(w);
                }
            }
            if (stateChanged) {
                scheduleRebuild();
            }
        } catch (RuntimeException e) {
            LOG.error("Watch check failed", e);
        }
    }

    /** The state a kind is shown with: the first not-OK state among its informers, as the rebuild merges it. */
    private KindStatus.State mergedState(ResourceKind kind) {
        return watched.values().stream().filter(w -> w.kind == kind).map(w -> state(w).state())
                .filter(s -> s != KindStatus.State.OK).findFirst().orElse(KindStatus.State.OK);
    }

    /** How many times silent watches were restarted (all kinds); for the status bar and tests. */
    public int silentRestarts() {
        return watched.values().stream().mapToInt(w -> w.restarts).sum();
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        for (Watched w : watched.values()) {
            SharedIndexInformer<GenericKubernetesResource> inf = w.informer;
            if (inf != null) {
                inf.stop();
            }
        }
        watched.clear();
    }

    @Override
    public String toString() {
        return "LiveInventory[" + context + " " + namespaces + ", " + watched.size() + " informers]";
    }

    /** Kinds and namespaces being watched, e.g. for a status bar tooltip. */
    public List<String> watching() {
        List<String> out = new ArrayList<>(watched.keySet());
        out.sort(String::compareTo);
        return out;
    }
}
