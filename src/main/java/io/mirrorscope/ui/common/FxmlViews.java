package io.mirrorscope.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML file around a controller built for that one view (it holds the view's own model). */
public final class FxmlViews {

    private FxmlViews() {
    }

    /** Loads {@code resource} (e.g. {@code /fxml/topology_view.fxml}); the FXML must ask for the controller's type. */
    public static Parent load(String resource, Object controller) {
        URL url = FxmlViews.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("FXML resource missing: " + resource);
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(resource + " asks for " + type.getName() + ", not "
                        + controller.getClass().getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + resource, e);
        }
    }
}
