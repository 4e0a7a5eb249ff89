package io.mirrorscope.app;

import io.mirrorscope.ui.common.FxmlViews;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads FXML with controllers built by the composition root: a map from controller class to factory. A controller
 * class not in the map is a wiring bug and fails loudly, instead of FXMLLoader calling a no-argument constructor.
 */
public final class ViewLoader {

    private final Map<Class<?>, Supplier<?>> factories;

    public ViewLoader(Map<Class<?>, Supplier<?>> factories) {
        this.factories = Map.copyOf(factories);
    }

    /** A loaded view: its root node and the controller that was created for it. */
    public record Loaded<C>(Parent root, C controller) {
    }

    public <C> Loaded<C> load(Fxml fxml) {
        FXMLLoader loader = FxmlViews.loadWith(fxml.resource(), this::controller);
        return new Loaded<>(loader.getRoot(), loader.getController());
    }

    /** Loads a view whose controller was built for this one instance (it holds a per-view model). */
    public <C> Loaded<C> load(Fxml fxml, C controller) {
        return new Loaded<>(FxmlViews.load(fxml.resource(), controller), controller);
    }

    private Object controller(Class<?> type) {
        Supplier<?> factory = factories.get(type);
        if (factory == null) {
            throw new IllegalStateException("No controller factory registered for " + type.getName());
        }
        return factory.get();
    }
}
