package io.mirrorscope.app;

import io.mirrorscope.core.inventory.TracingBackend;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.ChoiceDialog;

/**
 * Which tracing back-end answers "open this record's trace": the one in the record's namespace (a Strimzi cluster
 * and its Jaeger usually live together); else the only one listed; else the user picks (several back-ends, none
 * beside the cluster). An empty answer means there is none, or the user cancelled.
 */
final class TraceOpener {

    private TraceOpener() {
    }

    /** The back-ends to choose from: those in {@code namespace} when there are any, else all; sorted by name. */
    static List<TracingBackend> candidates(List<TracingBackend> all, String namespace) {
        List<TracingBackend> local = all.stream().filter(b -> b.meta().namespace().equals(namespace)).toList();
        List<TracingBackend> pool = local.isEmpty() ? all : local;
        return pool.stream().sorted(Comparator.comparing((TracingBackend b) -> b.meta().namespace())
                .thenComparing(b -> b.meta().name())).toList();
    }

    /**
     * The back-end to use: the single candidate, or the one {@code ask} returns from several (null when the
     * user cancelled).
     */
    static Optional<TracingBackend> pick(List<TracingBackend> all, String namespace,
                                         Function<List<TracingBackend>, TracingBackend> ask) {
        List<TracingBackend> candidates = candidates(all, namespace);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (candidates.size() == 1) {
            return Optional.of(candidates.getFirst());
        }
        return Optional.ofNullable(ask.apply(candidates));
    }

    /** Asks with a dialog (FX thread). */
    static TracingBackend askUser(List<TracingBackend> candidates) {
        List<String> names = candidates.stream().map(TraceOpener::label).toList();
        ChoiceDialog<String> dialog = new ChoiceDialog<>(names.getFirst(), names);
        dialog.setTitle("Open trace");
        dialog.setHeaderText("Several tracing back-ends are listed and none is in the record's namespace");
        dialog.setContentText("Look the trace up in:");
        return dialog.showAndWait().map(names::indexOf).filter(i -> i >= 0).map(candidates::get).orElse(null);
    }

    static String label(TracingBackend b) {
        return b.meta().namespace() + "/" + b.meta().name() + " (" + b.kind() + ")";
    }
}
