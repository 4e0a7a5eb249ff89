package io.mirrorscope.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * The one way the app loads FXML: around a controller built for one view, or with the composition root's map
 * from controller class to factory. FXMLLoader never calls a controller's no-argument constructor.
 */
public final class FxmlViews {

    private FxmlViews() {
    }

    /** A loaded view: its root node and its controller. */
    public record Loaded<C>(Parent root, C controller) {
    }

    /** Loads {@code fxml} around {@code controller}; the FXML must ask for the controller's type. */
    public static <C> Loaded<C> load(Fxml fxml, C controller) {
        FXMLLoader loader = loader(fxml, type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(fxml.resource() + " asks for " + type.getName() + ", not "
                        + controller.getClass().getName());
            }
            return controller;
        });
        return new Loaded<>(loader.getRoot(), controller);
    }

    /**
     * Loads {@code fxml} with a controller from {@code factories}; a controller class not in the map is a wiring bug
     * and fails loudly.
     */
    public static <C> Loaded<C> load(Fxml fxml, Map<Class<?>, Supplier<?>> factories) {
        FXMLLoader loader = loader(fxml, type -> {
            Supplier<?> factory = factories.get(type);
            if (factory == null) {
                throw new IllegalStateException("No controller factory registered for " + type.getName());
            }
            return factory.get();
        });
        return new Loaded<>(loader.getRoot(), loader.getController());
    }

    private static FXMLLoader loader(Fxml fxml, javafx.util.Callback<Class<?>, Object> controllers) {
        URL url = FxmlViews.class.getResource(fxml.resource());
        if (url == null) {
            throw new IllegalStateException("FXML resource missing: " + fxml.resource());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(controllers);
        try {
            loader.load();
            return loader;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml.resource(), e);
        }
    }
}
