package io.mirrorscope.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Restores and saves the main window's geometry, keeping it on a screen that still exists. */
final class WindowPlacement {

    private WindowPlacement() {
    }

    static void restore(Stage stage, AppPreferences preferences) {
        preferences.windowGeometry().ifPresentOrElse(g -> {
            boolean onScreen = !Screen.getScreensForRectangle(g.x(), g.y(), g.width(), g.height()).isEmpty();
            if (onScreen) {
                stage.setX(g.x());
                stage.setY(g.y());
            }
            stage.setWidth(g.width());
            stage.setHeight(g.height());
            stage.setMaximized(g.maximized());
        }, () -> {
            Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(1280, bounds.getWidth()));
            stage.setHeight(Math.min(800, bounds.getHeight()));
        });
    }

    static void save(Stage stage, AppPreferences preferences) {
        preferences.setWindowGeometry(new AppPreferences.WindowGeometry(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight(), stage.isMaximized()));
    }
}
