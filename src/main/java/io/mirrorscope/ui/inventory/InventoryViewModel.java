package io.mirrorscope.ui.inventory;

import io.mirrorscope.core.inventory.Condition;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.KafkaCluster;
import io.mirrorscope.core.inventory.KafkaNodePool;
import io.mirrorscope.core.inventory.KindStatus;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.core.inventory.TopologyEdge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State of the inventory view: one filtered row list per {@link Panel}, a message per panel when its kinds
 * could not be read, the selected row with its YAML and conditions, and a summary line. Fed with immutable
 * {@link Inventory} snapshots on the FX thread; tested without a toolkit.
 */
public final class InventoryViewModel {

    // Properties
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final Map<Panel, ObservableList<InventoryRow>> rows = new EnumMap<>(Panel.class);
    private final Map<Panel, FilteredList<InventoryRow>> filtered = new EnumMap<>(Panel.class);
    private final Map<Panel, ReadOnlyStringWrapper> panelMessages = new EnumMap<>(Panel.class);
    private final ReadOnlyObjectWrapper<InventoryRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final javafx.beans.property.ObjectProperty<Panel> visiblePanel =
            new javafx.beans.property.SimpleObjectProperty<>(this, "visiblePanel", Panel.CLUSTERS);
    /** Each panel keeps its own selection; the details pane shows the visible panel's. */
    private final Map<Panel, InventoryRow> selections = new EnumMap<>(Panel.class);
    private final ReadOnlyStringWrapper yaml = new ReadOnlyStringWrapper(this, "yaml", "");
    private final ReadOnlyStringWrapper detailsTitle = new ReadOnlyStringWrapper(this, "detailsTitle",
            "Select a resource");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final ObservableList<Condition> conditions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "No inventory yet");
    private final ReadOnlyStringWrapper freshness = new ReadOnlyStringWrapper(this, "freshness", "");
    /** The selected resource's facts as label/value pairs, for the details pane's aligned grid. */
    private final ObservableList<Map.Entry<String, String>> facts = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyBooleanWrapper reconnecting =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "reconnecting", false);

    private final Clock clock;
    private java.util.function.BiConsumer<String, String> compareAction = (namespace, name) -> { };

    private final io.mirrorscope.ui.common.ProblemSlot problems = new io.mirrorscope.ui.common.ProblemSlot();

    public InventoryViewModel(Clock clock) {
        this.clock = clock;
        for (Panel p : Panel.values()) {
            ObservableList<InventoryRow> list = FXCollections.observableArrayList();
            rows.put(p, list);
            filtered.put(p, new FilteredList<>(list));
            panelMessages.put(p, new ReadOnlyStringWrapper(this, p.name() + "Message", ""));
        }
        filter.addListener((obs, old, f) -> applyFilter());
        visiblePanel.addListener((obs, old, panel) -> showDetails(panel == null ? null : selections.get(panel)));
    }

    /** The inventory's problem banner (a watch that cannot start, a kind that fails). */
    public io.mirrorscope.ui.common.ProblemSlot problems() {
        return problems;
    }

    /** The panel (tab) the user sees; the details pane shows only a resource of this panel. */
    public javafx.beans.property.ObjectProperty<Panel> visiblePanelProperty() {
        return visiblePanel;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The rows of a panel that match the filter. */
    public ObservableList<InventoryRow> rows(Panel panel) {
        return filtered.get(panel);
    }

    /** Why a panel is empty or incomplete ("not allowed to list …"); "" when all its kinds were read. */
    public ReadOnlyStringProperty panelMessageProperty(Panel panel) {
        return panelMessages.get(panel).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InventoryRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty yamlProperty() {
        return yaml.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsTitleProperty() {
        return detailsTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    public ObservableList<Condition> conditions() {
        return conditions;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "updated 10:41:02": when the last snapshot arrived (local time), empty before the first. */
    public ReadOnlyStringProperty freshnessProperty() {
        return freshness.getReadOnlyProperty();
    }

    /** The selected resource's facts (kind, name, namespace, API, created, age, the panel's columns). */
    public ObservableList<Map.Entry<String, String>> facts() {
        return facts;
    }

    /** True while any watch is down and being re-established (for the status bar). */
    public javafx.beans.property.ReadOnlyBooleanProperty reconnectingProperty() {
        return reconnecting.getReadOnlyProperty();
    }

    // Commands

    /** Shows a snapshot; the selection follows its resource when that still exists. */
    public void setInventory(Inventory inv) {
        Map<Panel, List<InventoryRow>> next = new EnumMap<>(Panel.class);
        for (Panel p : Panel.values()) {
            next.put(p, new ArrayList<>());
        }
        for (KafkaCluster c : inv.clusters()) {
            next.get(Panel.CLUSTERS).add(new InventoryRow(Panel.CLUSTERS, c.meta(), c.health(), List.of(
                    dash(c.kafkaVersion()), c.metadataMode().label(), dash(c.brokers()),
                    c.listeners().stream().map(l -> l.name() + (l.tls() ? "/tls" : ""))
                            .collect(Collectors.joining(" ")),
                    version(c.meta().apiVersion())), c.conditions(), c.notes()));
        }
        for (KafkaNodePool p : inv.nodePools()) {
            next.get(Panel.NODE_POOLS).add(new InventoryRow(Panel.NODE_POOLS, p.meta(), Health.UNKNOWN, List.of(
                    dash(p.cluster()), String.join(",", p.roles()), dash(p.replicas()),
                    version(p.meta().apiVersion())), List.of(), p.notes()));
        }
        for (Mirror m : inv.mirrors()) {
            List<TopologyEdge> edges = inv.topology().edgesOf(m);
            List<String> failures = new ArrayList<>(m.notes());
            failures.addAll(m.failures());
            next.get(Panel.MIRRORS).add(new InventoryRow(Panel.MIRRORS, m.meta(), m.health(), List.of(
                    switch (m.kind()) {
                        case KafkaMirrorMaker -> "MM1";
                        case KafkaMirrorMaker2 -> "MM2";
                        case KafkaConnector -> "Connector";
                    },
                    edges.stream().map(e -> e.source().name() + " → " + e.target().name())
                            .collect(Collectors.joining(", ")),
                    edges.stream().map(e -> e.link().topicsPattern()).distinct().collect(Collectors.joining(", ")),
                    edges.stream().map(e -> e.link().naming().description()).distinct()
                            .collect(Collectors.joining(", "))), m.conditions(), failures));
        }
        inv.topics().forEach(t -> next.get(Panel.TOPICS).add(new InventoryRow(Panel.TOPICS, t.meta(),
                Condition.health(t.conditions()), List.of(dash(t.cluster()), t.topicName(), dash(t.partitions()),
                dash(t.replicas())), t.conditions(), t.notes())));
        inv.users().forEach(u -> next.get(Panel.USERS).add(new InventoryRow(Panel.USERS, u.meta(),
                Condition.health(u.conditions()), List.of(dash(u.cluster()), dash(u.authentication()),
                dash(u.authorization())), u.conditions(), u.notes())));
        inv.tracing().forEach(t -> next.get(Panel.TRACING).add(new InventoryRow(Panel.TRACING, t.meta(),
                t.conditions().isEmpty() ? ("Running".equals(t.phase()) ? Health.READY : Health.UNKNOWN)
                        : Condition.health(t.conditions()),
                List.of(t.kind(), t.queryService() + ":" + t.queryPort(), dash(t.queryUrl())), t.conditions(),
                t.notes())));

        for (Panel p : Panel.values()) {
            rows.get(p).setAll(next.get(p));
            panelMessages.get(p).set(panelMessage(p, inv));
        }
        long failing = inv.mirrors().stream().filter(m -> m.health() == Health.FAILED).count();
        long watchesDown = inv.kinds().values().stream()
                .filter(k -> k.state() == KindStatus.State.RECONNECTING).count();
        reconnecting.set(watchesDown > 0);
        freshness.set("updated " + java.time.LocalTime.ofInstant(clock.instant(), java.time.ZoneId.systemDefault())
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        summary.set(inv.size() + " resources in " + (inv.namespaces().isEmpty() ? "all namespaces"
                : String.join(", ", inv.namespaces()))
                + (failing > 0 ? " · " + failing + " mirror" + (failing > 1 ? "s" : "") + " failing" : "")
                + (inv.problems().isEmpty() ? "" : " · " + inv.problems().size()
                        + (inv.problems().size() == 1 ? " problem" : " problems"))
                + (watchesDown > 0 ? " · reconnecting watches" : ""));
        for (Panel p : Panel.values()) {
            InventoryRow sel = selections.get(p);
            if (sel != null) {
                InventoryRow now = next.get(p).stream().filter(r -> r.key().equals(sel.key())).findFirst()
                        .orElse(null);
                selections.put(p, now);
            }
        }
        showDetails(selections.get(visiblePanel.get()));
    }

    /** Selects a row in its panel (remembered per panel); the details pane shows it when its panel is visible. */
    /** What "Compare records…" on a mirror row does (the app opens the compare dialog): namespace, name. */
    public void setCompareAction(java.util.function.BiConsumer<String, String> action) {
        this.compareAction = java.util.Objects.requireNonNull(action, "action");
    }

    /** "Compare records…" on a mirror row. */
    public void compareMirror(InventoryRow row) {
        if (row != null && row.panel() == Panel.MIRRORS) {
            compareAction.accept(row.meta().namespace(), row.meta().name());
        }
    }

    public void select(InventoryRow row) {
        if (row == null) {
            selections.remove(visiblePanel.get());
            showDetails(null);
            return;
        }
        selections.put(row.panel(), row);
        if (row.panel() == visiblePanel.get()) {
            showDetails(row);
        }
    }

    private java.util.function.Consumer<io.mirrorscope.ui.common.ViewTarget> opener = t -> { };

    /** Where double-clicks on rows go (the app opens the target). */
    public void setOpener(java.util.function.Consumer<io.mirrorscope.ui.common.ViewTarget> opener) {
        this.opener = opener == null ? t -> { } : opener;
    }

    /**
     * Opens a row's own view (a double-click): a Kafka cluster's topics, a mirror's health (MirrorMaker 1 has no
     * heartbeats or checkpoints to read, so it has none; the panel lists only mirrors, MirrorSourceConnectors among
     * KafkaConnectors). Other rows, and null, open nothing.
     */
    public void open(InventoryRow row) {
        if (row == null) {
            return;
        }
        String ns = row.meta().namespace();
        String name = row.meta().name();
        if (row.panel() == Panel.CLUSTERS) {
            opener.accept(new io.mirrorscope.ui.common.ViewTarget.Cluster(ns, name));
        } else if (row.panel() == Panel.MIRRORS && !"KafkaMirrorMaker".equals(row.meta().kind())) {
            opener.accept(new io.mirrorscope.ui.common.ViewTarget.Health(ns, name));
        }
    }

    /** Shows {@code panel} with the resource {@code namespace/name} selected, if it is there (a mirror opened). */
    public void reveal(Panel panel, String namespace, String name) {
        rows.get(panel).stream().filter(r -> r.meta().namespace().equals(namespace) && r.meta().name().equals(name))
                .findFirst().ifPresent(r -> selections.put(panel, r));
        visiblePanel.set(panel);
        showDetails(selections.get(panel));
    }

    private void showDetails(InventoryRow row) {
        selected.set(row);
        if (row == null) {
            detailsTitle.set("Select a resource");
            yaml.set("");
            notes.set("");
            conditions.clear();
            facts.clear();
            return;
        }
        List<Map.Entry<String, String>> next = new ArrayList<>(List.of(
                Map.entry("Kind", row.meta().kind()),
                Map.entry("Name", row.meta().name()),
                Map.entry("Namespace", row.meta().namespace().isEmpty() ? "-" : row.meta().namespace()),
                Map.entry("API version", row.meta().apiVersion()),
                Map.entry("Created", row.meta().createdAt() == null ? "-" : row.meta().createdAt().toString()),
                Map.entry("Age", age(row)),
                Map.entry("Health", row.health().name().toLowerCase(Locale.ROOT))));
        for (int i = 0; i < row.panel().columns().size() && i < row.columns().size(); i++) {
            next.add(Map.entry(row.panel().columns().get(i), row.columns().get(i)));
        }
        facts.setAll(next);
        detailsTitle.set(row.meta().kind() + " " + row.meta().key() + " · " + row.meta().apiVersion());
        String text = row.meta().yaml().get();
        // fabric8 starts its YAML with a document marker; the pane shows one resource.
        yaml.set(text.isBlank() ? "# no manifest for this item" : text.replaceFirst("^---\\n", ""));
        notes.set(String.join("\n", row.notes()));
        conditions.setAll(row.conditions());
    }

    /** "5m", "3h", "12d" since creation; "-" when unknown. */
    public String age(InventoryRow row) {
        Instant created = row.meta().createdAt();
        if (created == null) {
            return "-";
        }
        Duration d = Duration.between(created, clock.instant());
        if (d.toDays() > 0) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h";
        }
        return Math.max(0, d.toMinutes()) + "m";
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        filtered.values().forEach(list -> list.setPredicate(r -> r.matches(f)));
    }

    static String panelMessage(Panel p, Inventory inv) {
        List<String> messages = new ArrayList<>();
        for (ResourceKind k : p.kinds()) {
            KindStatus s = inv.kind(k);
            switch (s.state()) {
                case OK -> { }
                // Only the panel's main kind being absent matters: no KafkaMirrorMaker on Strimzi 1.x is normal.
                case NOT_SERVED -> {
                    if (k == p.kinds().getFirst()) {
                        messages.add(s.message().isEmpty() ? k.kind() + " is not served by this cluster"
                                : s.message());
                    }
                }
                default -> messages.add(s.message());
            }
        }
        return String.join("\n", messages);
    }

    private static String dash(Object o) {
        return o == null ? "-" : o.toString();
    }

    private static String version(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash >= 0 ? apiVersion.substring(slash + 1) : apiVersion;
    }
}
