package io.mirrorscope.app;

import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.Theme;
import io.mirrorscope.ui.main.AboutDialog;
import io.mirrorscope.ui.main.MainWindowController;
import io.mirrorscope.ui.main.MainWindowViewModel;
import io.mirrorscope.ui.main.NavNode;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service and view model once, wires the views, and closes everything on exit.
 * No other class news up services; no static singletons.
 */
public final class AppServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppServices.class);

    private final Closer closer = new Closer();
    private final StartOptions startOptions;
    private final AppPreferences preferences;
    private final ExecutorService io;
    private final BackgroundWork work;
    private final MainWindowViewModel mainViewModel;
    private final ViewLoader viewLoader;
    private Stage stage;
    private MainWindowController mainWindow;

    public AppServices(StartOptions startOptions, AppPreferences preferences) {
        this.startOptions = startOptions;
        this.preferences = preferences;
        this.io = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("mirrorscope-io-", 0)
                .uncaughtExceptionHandler((t, e) -> LOG.error("Uncaught in {}", t.getName(), e)).factory());
        closer.register(() -> {
            io.shutdownNow();
            if (!io.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("I/O tasks still running at exit");
            }
        });
        this.work = new BackgroundWork(io, Platform::runLater);
        this.mainViewModel = new MainWindowViewModel(work);
        mainViewModel.themeProperty().set(preferences.theme().flatMap(Theme::parse).orElse(Theme.SYSTEM));
        mainViewModel.themeProperty().subscribe(theme -> preferences.setTheme(theme.name()));
        Map<Class<?>, Supplier<?>> controllers = Map.of(
                MainWindowController.class, () -> new MainWindowController(mainViewModel, new MainActions()));
        this.viewLoader = new ViewLoader(controllers);
    }

    /** Builds the main window's scene graph; call once, on the FX thread. */
    public Parent mainWindow(Stage owner) {
        this.stage = owner;
        ViewLoader.Loaded<MainWindowController> loaded = viewLoader.load(Fxml.MAIN_WINDOW);
        this.mainWindow = loaded.controller();
        return loaded.root();
    }

    public AppPreferences preferences() {
        return preferences;
    }

    public StartOptions startOptions() {
        return startOptions;
    }

    public MainWindowViewModel mainViewModel() {
        return mainViewModel;
    }

    public MainWindowController mainWindowController() {
        return mainWindow;
    }

    public ExecutorService io() {
        return io;
    }

    public ViewLoader viewLoader() {
        return viewLoader;
    }

    @Override
    public void close() {
        closer.close();
    }

    /** What the main window's menus and tree ask for. */
    private final class MainActions implements MainWindowController.Actions {
        @Override
        public void connect() {
            LOG.info("Connect requested");
        }

        @Override
        public void open(NavNode node) {
            LOG.debug("Open {}", node.key());
        }

        @Override
        public void about() {
            AboutDialog.show(stage);
        }

        @Override
        public void quit() {
            stage.close();
        }
    }
}
