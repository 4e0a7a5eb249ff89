package io.mirrorscope.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: builds {@link AppServices}, shows the main window, closes everything on exit. */
public final class MirrorScopeApp extends Application {

    private static volatile StartOptions startOptions = StartOptions.defaults();

    /** Launches the toolkit and blocks until the last window closed; returns the exit code. */
    static int launchAndWait(StartOptions options) {
        startOptions = options;
        Application.launch(MirrorScopeApp.class);
        return 0;
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("MirrorScope");
        stage.show();
    }
}
