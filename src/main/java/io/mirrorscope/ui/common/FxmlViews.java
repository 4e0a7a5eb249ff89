package io.mirrorscope.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/** Loads FXML files: around a controller built for one view, or with a factory of controllers. */
public final class FxmlViews {

    private FxmlViews() {
    }

    /** Loads {@code resource} (e.g. {@code /fxml/topology_view.fxml}); the FXML must ask for the controller's type. */
    public static Parent load(String resource, Object controller) {
        return loadWith(resource, type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(resource + " asks for " + type.getName() + ", not "
                        + controller.getClass().getName());
            }
            return controller;
        }).getRoot();
    }

    /** Loads {@code resource} with controllers from {@code controllers}; the loader holds the root and controller. */
    public static FXMLLoader loadWith(String resource, Callback<Class<?>, Object> controllers) {
        URL url = FxmlViews.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("FXML resource missing: " + resource);
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(controllers);
        try {
            loader.load();
            return loader;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + resource, e);
        }
    }
}
