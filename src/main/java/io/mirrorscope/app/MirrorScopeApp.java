package io.mirrorscope.app;

import io.mirrorscope.ui.common.Styles;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: builds {@link AppServices}, shows the main window, closes everything on exit. */
public final class MirrorScopeApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorScopeApp.class);

    private static volatile StartOptions startOptions = StartOptions.defaults();

    private AppServices services;

    /** Launches the toolkit and blocks until the last window closed; returns the exit code. */
    static int launchAndWait(StartOptions options) {
        startOptions = options;
        try {
            Application.launch(MirrorScopeApp.class);
            return 0;
        } catch (RuntimeException e) {
            LOG.error("The window could not start", e);
            System.err.println("mirrorscope: the window could not start: " + e.getMessage() + " — "
                    + WindowStartFailure.hint());
            return 1;
        }
    }

    @Override
    public void start(Stage stage) {
        services = new AppServices(startOptions, AppPreferences.forUser());
        Scene scene = new Scene(services.mainWindow(stage));
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.setTitle("MirrorScope");
        stage.getIcons().add(new Image(MirrorScopeApp.class.getResource("/io/mirrorscope/icon-64.png").toString()));
        WindowPlacement.restore(stage, services.preferences());
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> WindowPlacement.save(stage, services.preferences()));
        if (startOptions.smoke()) {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(() -> {
                // A wall-clock time, for the caller to subtract its own start time from: the process start time
                // the OS reports (ProcessHandle.Info.startInstant) is only whole-second precise on Linux.
                System.out.println("MirrorScope smoke test: main window shown at " + System.currentTimeMillis()
                        + " ms since the epoch");
                Platform.exit();
            }));
        }
        stage.show();
        services.connectAtStart();
    }

    @Override
    public void stop() {
        if (services != null) {
            services.preferences().flush();
            services.close();
        }
    }
}
