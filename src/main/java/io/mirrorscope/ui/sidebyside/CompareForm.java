package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.core.records.TimeSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the "Compare records" dialog edits: the two clusters (fixed when opened from a mirror link), the source
 * topic, the target topic (following the link's naming until the user types one), and the start time. Topic lists
 * load through {@code topicsOf} (the app reads them off the FX thread and answers on it). Tested without a toolkit.
 */
public final class CompareForm {

    /** What the user chose; {@code fromMillis} -1 for "from now". */
    public record Choice(String sourceCluster, String targetCluster, String sourceTopic, String targetTopic,
            long fromMillis) {
    }

    private final StringProperty sourceCluster = new SimpleStringProperty(this, "sourceCluster", "");
    private final StringProperty targetCluster = new SimpleStringProperty(this, "targetCluster", "");
    private final StringProperty sourceTopic = new SimpleStringProperty(this, "sourceTopic", "");
    private final StringProperty targetTopic = new SimpleStringProperty(this, "targetTopic", "");
    private final StringProperty start = new SimpleStringProperty(this, "start", "5m");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ObservableList<String> clusters = FXCollections.observableArrayList();
    private final ObservableList<String> sourceTopics = FXCollections.observableArrayList();
    private final ObservableList<String> targetTopics = FXCollections.observableArrayList();
    private final UnaryOperator<String> naming;
    private final String namingText;
    private final boolean clustersFixed;
    private final ZoneId zone;
    private final BooleanBinding valid;
    /** The target topic the naming gave last; while the field still holds it, it follows the source topic. */
    private String followed = "";

    /**
     * @param clusters      clusters to choose from (by hand), or the link's two
     * @param naming        target topic of a source topic under the link's naming; null by hand (same name)
     * @param namingText    the naming for the user ("europe-cluster.&lt;topic&gt;"); "" by hand
     * @param clustersFixed true when opened from a link: the clusters are the link's
     * @param topicsOf      lists a cluster's topics and hands them back on the FX thread (errors are the app's)
     */
    public CompareForm(List<String> clusters, String sourceCluster, String targetCluster, UnaryOperator<String> naming,
            String namingText, boolean clustersFixed, ZoneId zone,
            BiConsumer<String, Consumer<List<String>>> topicsOf) {
        this.clusters.setAll(clusters);
        this.naming = naming == null ? UnaryOperator.identity() : naming;
        this.namingText = namingText == null ? "" : namingText;
        this.clustersFixed = clustersFixed;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.sourceCluster.set(sourceCluster == null ? "" : sourceCluster);
        this.targetCluster.set(targetCluster == null ? "" : targetCluster);
        this.sourceTopic.subscribe(topic -> {
            if (targetTopic.get().isEmpty() || targetTopic.get().equals(followed)) {
                followed = topic == null || topic.isBlank() ? "" : this.naming.apply(topic.strip());
                targetTopic.set(followed);
            }
        });
        this.sourceCluster.subscribe(c -> load(c, topicsOf, sourceTopics));
        this.targetCluster.subscribe(c -> load(c, topicsOf, targetTopics));
        this.valid = Bindings.createBooleanBinding(() -> choice().isPresent(), this.sourceCluster,
                this.targetCluster, sourceTopic, targetTopic, start);
        this.start.subscribe(s -> hint.set(startError().orElse("")));
    }

    private static void load(String cluster, BiConsumer<String, Consumer<List<String>>> topicsOf,
            ObservableList<String> into) {
        into.clear();
        if (cluster != null && !cluster.isBlank()) {
            topicsOf.accept(cluster, topics -> into.setAll(topics));
        }
    }

    public StringProperty sourceClusterProperty() {
        return sourceCluster;
    }

    public StringProperty targetClusterProperty() {
        return targetCluster;
    }

    public StringProperty sourceTopicProperty() {
        return sourceTopic;
    }

    public StringProperty targetTopicProperty() {
        return targetTopic;
    }

    /** Where both sides start: a time ago ("5m", "2h"), a date-time, or empty for "from now". */
    public StringProperty startProperty() {
        return start;
    }

    /** Why the start is not a time, else "". */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ObservableList<String> clusters() {
        return clusters;
    }

    public ObservableList<String> sourceTopics() {
        return sourceTopics;
    }

    public ObservableList<String> targetTopics() {
        return targetTopics;
    }

    public String namingText() {
        return namingText;
    }

    public boolean clustersFixed() {
        return clustersFixed;
    }

    /** True when every field holds something usable. */
    public BooleanBinding validBinding() {
        return valid;
    }

    /** The choice, or empty while a field is missing or the start is not a time. */
    public Optional<Choice> choice() {
        String s = sourceTopic.get() == null ? "" : sourceTopic.get().strip();
        String t = targetTopic.get() == null ? "" : targetTopic.get().strip();
        if (s.isEmpty() || t.isEmpty() || sourceCluster.get().isBlank() || targetCluster.get().isBlank()
                || startError().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Choice(sourceCluster.get(), targetCluster.get(), s, t, from()));
    }

    private long from() {
        String text = start.get() == null ? "" : start.get().strip();
        return text.isEmpty() ? -1 : TimeSpec.parse(text, Instant.now(), zone);
    }

    private Optional<String> startError() {
        try {
            from();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
