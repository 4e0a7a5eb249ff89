package io.mirrorscope.app;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.SnapshotFormat;
import io.mirrorscope.snapshot.HtmlReport;
import io.mirrorscope.snapshot.SnapshotReader;
import io.mirrorscope.snapshot.SnapshotWriter;
import io.mirrorscope.tracing.TraceDocuments;
import io.mirrorscope.ui.common.ProblemReport;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.MenuBar;
import javafx.stage.FileChooser;
import io.mirrorscope.kube.ActiveSession;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.Fxml;
import io.mirrorscope.ui.common.FxmlViews;
import io.mirrorscope.ui.common.ProblemSlot;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.connect.ConnectDialogController;
import io.mirrorscope.ui.connect.ConnectDialogViewModel;
import io.mirrorscope.ui.common.Theme;
import io.mirrorscope.ui.main.AboutDialog;
import io.mirrorscope.ui.main.ShortcutsDialog;
import io.mirrorscope.ui.main.MainWindowController;
import io.mirrorscope.ui.main.MainWindowViewModel;
import io.mirrorscope.ui.main.NavNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
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
    private final ProblemSlot problemDisplay;
    private final UncaughtProblems uncaught;
    private final BackgroundWork work;
    private final MainWindowViewModel mainViewModel;
    private final Map<Class<?>, Supplier<?>> controllers;
    private final ActiveSession activeSession;
    private final ConnectionFlow connections;
    private Workspace workspace;
    private final javafx.collections.ObservableMap<String, io.mirrorscope.core.mirror.LinkCompareStatus>
            runningCompares = javafx.collections.FXCollections.observableHashMap();
    private final javafx.collections.ObservableMap<String, io.mirrorscope.core.mirror.LinkCompareStatus>
            runningComparesView = javafx.collections.FXCollections.unmodifiableObservableMap(runningCompares);
    private SnapshotWorkspace snapshotWorkspace;
    private Stage stage;
    private MainWindowController mainWindow;

    public AppServices(StartOptions startOptions, AppPreferences preferences) {
        this.startOptions = startOptions;
        this.preferences = preferences;
        this.problemDisplay = new ProblemSlot();
        this.uncaught = new UncaughtProblems(Platform::runLater, problemDisplay);
        this.io = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("mirrorscope-io-", 0)
                .uncaughtExceptionHandler(uncaught).factory());
        closer.register(() -> {
            io.shutdownNow();
            if (!io.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("I/O tasks still running at exit");
            }
        });
        this.work = new BackgroundWork(io, Platform::runLater);
        this.mainViewModel = new MainWindowViewModel(work, problemDisplay);
        mainViewModel.themeProperty().set(preferences.theme().flatMap(Theme::parse).orElse(Theme.SYSTEM));
        mainViewModel.themeProperty().subscribe(theme -> preferences.setTheme(theme.name()));
        mainViewModel.timeDisplay().utcProperty().set(preferences.timesInUtc());
        mainViewModel.timeDisplay().utcProperty().subscribe(utc -> preferences.setTimesInUtc(utc));
        this.activeSession = closer.register(new ActiveSession());
        // Closed before the session it reads through (the closer goes newest first).
        closer.register(() -> {
            if (workspace != null) {
                workspace.close();
            }
        });
        this.connections = new ConnectionFlow(activeSession, work, mainViewModel, preferences,
                this::beforeContextSwitch, this::connected);
        this.controllers = Map.of(
                MainWindowController.class, () -> new MainWindowController(mainViewModel, new MainActions()),
                ConnectDialogController.class, this::newConnectDialog);
    }

    private ConnectDialogController newConnectDialog() {
        ConnectDialogViewModel viewModel = new ConnectDialogViewModel(
                () -> Kubeconfig.load(startOptions.kubeconfig()), work, KubeSession.Options.desktop());
        String context = startOptions.context() != null ? startOptions.context()
                : preferences.lastContext().orElse(null);
        String namespace = startOptions.context() != null ? startOptions.namespace()
                : preferences.lastNamespace().orElse(null);
        viewModel.preselect(context, namespace);
        return new ConnectDialogController(viewModel);
    }

    /** Fills the Sandbox menu when the app runs on the sandbox; the menu stays hidden otherwise. */
    private void installSandboxMenu() {
        SandboxSwitches.fromSystemProperty().ifPresent(switches -> {
            mainViewModel.setSandboxAvailable(true);
            for (SandboxSwitches.Switch sw : SandboxSwitches.SWITCHES) {
                if (sw.spec() == null) {
                    mainWindow.sandboxMenu().getItems().add(new SeparatorMenuItem());
                    continue;
                }
                MenuItem item = new MenuItem(sw.label());
                item.setOnAction(e -> applySandboxSwitch(switches, sw));
                mainWindow.sandboxMenu().getItems().add(item);
            }
        });
    }

    private void applySandboxSwitch(SandboxSwitches switches, SandboxSwitches.Switch sw) {
        work.run("Sandbox: " + sw.label(), () -> switches.apply(sw.spec()), mainViewModel.problems(),
                () -> applySandboxSwitch(switches, sw), answer -> { });
    }

    /** Connects as the connect dialog's choice says (the dialog's OK, and tests). */
    void connect(io.mirrorscope.ui.connect.ConnectionChoice choice) {
        connections.connect(choice);
    }

    /** Connects at start when the command line named a context (e.g. {@code --context sandbox}). */
    public void connectAtStart() {
        if (startOptions.context() != null) {
            connections.connect(startOptions);
        }
    }

    private void beforeContextSwitch() {
        if (mainWindow != null) {
            mainWindow.closeAllViews();
        }
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
        if (snapshotWorkspace != null) {
            snapshotWorkspace.close();
            snapshotWorkspace = null;
            stage.setTitle("MirrorScope");
        }
    }

    private void connected(ConnectionFlow.Connected connected) {
        KubeSession session = connected.session();
        mainViewModel.connected(session.context(), connected.allNamespaces() ? null : session.namespace(),
                session.insecure(), List.of(NavNode.leaf(NavNode.Kind.PLACEHOLDER, "Reading the inventory…",
                        "loading")));
        List<String> namespaces = connected.allNamespaces() ? List.of() : List.of(session.namespace());
        workspace = new Workspace(session, namespaces, mainViewModel, new Workspace.Wiring(work, io, mainWindow,
                connections::retryLast, runningCompares));
        workspace.start();
    }

    /** Builds the main window's scene graph; call once, on the FX thread (it installs the uncaught handler). */
    public Parent mainWindow(Stage owner) {
        this.stage = owner;
        uncaught.install();
        FxmlViews.Loaded<MainWindowController> loaded = FxmlViews.load(Fxml.MAIN_WINDOW, controllers);
        this.mainWindow = loaded.controller();
        installSandboxMenu();
        installSnapshotMenu(loaded.root());
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

    /** Opens what a navigation entry stands for (double-click or Enter in the tree). */
    public void openNavigation(NavNode node) {
        if (node.target() != null) {
            open(node.target());
        }
    }

    /** Opens (or focuses) the view of {@code target} in the current workspace; nothing when not connected. */
    public void open(ViewTarget target) {
        if (workspace != null) {
            workspace.open(target);
        } else if (snapshotWorkspace != null) {
            snapshotWorkspace.open(target);
        }
    }

    /**
     * The compares running in the window, by topology edge id ({@code TopologyEdge.id()}), each with the lag and
     * the counts of its latest snapshot. Updated on the FX thread a few times a second while a compare view of a
     * mirror link is open; its entry leaves when the view closes; emptied on a context switch. One map for the
     * app's life (bind it once). Read-only. For the topology view's link labels.
     */
    public javafx.collections.ObservableMap<String, io.mirrorscope.core.mirror.LinkCompareStatus> runningCompares() {
        return runningComparesView;
    }

    /** "Compare records…" on a mirror, as its inventory row and navigation entry do (tests drive the app path). */
    public void compareMirror(String namespace, String name) {
        if (workspace != null) {
            workspace.compareMirror(namespace, name);
        }
    }

    /**
     * File ▸ Open snapshot… and File ▸ Save snapshot…, added to the File menu here (the snapshot is the app's
     * concern: the main window's controller stays as it is).
     */
    private void installSnapshotMenu(Parent root) {
        if (!(root.lookup("#menuBar") instanceof MenuBar bar) || bar.getMenus().isEmpty()) {
            return;
        }
        MenuItem open = new MenuItem("_Open snapshot…");
        open.setOnAction(e -> {
            java.io.File f = chooser("Open snapshot").showOpenDialog(stage);
            if (f != null) {
                openSnapshot(f.toPath());
            }
        });
        MenuItem save = new MenuItem("_Save snapshot…");
        save.setOnAction(e -> {
            java.io.File f = chooser("Save snapshot").showSaveDialog(stage);
            if (f != null) {
                saveSnapshot(f.toPath());
            }
        });
        MenuItem report = new MenuItem("_Export report…");
        report.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle("Export report");
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML report", "*.html"));
            java.io.File f = c.showSaveDialog(stage);
            if (f != null) {
                exportReport(f.toPath());
            }
        });
        var items = bar.getMenus().getFirst().getItems();
        int at = Math.max(0, items.size() - 2);  // before the separator and Quit
        items.addAll(at, List.of(new SeparatorMenuItem(), open, save, report));
    }

    /** What the window shows, as a snapshot (the live inventory and compare view, or the open snapshot). */
    private Snapshot shownSnapshot(String doing) {
        Snapshot snapshot = workspace != null ? workspace.snapshot()
                : snapshotWorkspace != null ? snapshotWorkspace.snapshot() : null;
        if (snapshot == null) {
            BackgroundWork.report(mainViewModel.problems(), new ProblemReport(doing, Problem.of(
                    Problem.Kind.USAGE, "Nothing to save yet", "", "Connect to a context first (File ▸ Connect…)"),
                    null));
        }
        return snapshot;
    }

    /**
     * File ▸ Export report…: the HTML report ({@code mirrorscope open FILE --html}'s) of what the window shows,
     * written off the FX thread; problems in the banner.
     */
    CompletableFuture<Void> exportReport(Path file) {
        Snapshot snapshot = shownSnapshot("Exporting a report");
        if (snapshot == null) {
            return CompletableFuture.completedFuture(null);
        }
        return work.run("Exporting the report " + file.getFileName(), () -> {
            HtmlReport.write(snapshot, TraceDocuments.parseAll(snapshot.traces(), snapshot.header().title()), file);
            return file;
        }, mainViewModel.problems(), () -> exportReport(file), written -> { });
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("MirrorScope snapshots",
                "*" + SnapshotFormat.EXTENSION));
        return c;
    }

    /** The open snapshot's workspace, null when none is open (tests look at what its views show). */
    SnapshotWorkspace snapshotWorkspace() {
        return snapshotWorkspace;
    }

    /** Reads a snapshot file off the FX thread and shows it in place of any live connection. */
    CompletableFuture<Void> openSnapshot(Path file) {
        return work.run("Opening the snapshot " + file.getFileName(), () -> SnapshotReader.read(file),
                mainViewModel.problems(), () -> openSnapshot(file), snapshot -> {
                    if (mainWindow != null) {
                        mainWindow.closeAllViews();
                    }
                    beforeContextSwitch();
                    snapshotWorkspace = new SnapshotWorkspace(snapshot, mainViewModel, mainWindow, work, io);
                    stage.setTitle("MirrorScope — " + snapshot.header().title());
                    snapshotWorkspace.show();
                });
    }

    /** Saves what the window shows (the live inventory, or the open snapshot) to {@code file}, off the FX thread. */
    CompletableFuture<Void> saveSnapshot(Path file) {
        Snapshot snapshot = shownSnapshot("Saving a snapshot");
        if (snapshot == null) {
            return CompletableFuture.completedFuture(null);
        }
        return work.run("Saving the snapshot " + file.getFileName(), () -> {
            SnapshotWriter.write(snapshot, file);
            return file;
        }, mainViewModel.problems(), () -> saveSnapshot(file), saved -> { });
    }

    @Override
    public void close() {
        closer.close();
    }

    /** What the main window's menus and tree ask for. */
    private final class MainActions implements MainWindowController.Actions {
        @Override
        public void connect() {
            FxmlViews.Loaded<ConnectDialogController> dialog = FxmlViews.load(Fxml.CONNECT_DIALOG,
                    controllers);
            dialog.root().pseudoClassStateChanged(Styles.DARK, mainViewModel.darkProperty().get());
            dialog.controller().showAndWait(stage, dialog.root()).ifPresent(connections::connect);
        }

        @Override
        public void open(NavNode node) {
            openNavigation(node);
        }

        @Override
        public void compare(NavNode node) {
            if (workspace != null && node.target() instanceof ViewTarget.Mirror m) {
                workspace.compareMirror(m.namespace(), m.name());
            }
        }

        @Override
        public void compareTopics() {
            if (workspace != null) {
                workspace.compareByHand();
            }
        }

        @Override
        public void about() {
            AboutDialog.show(stage);
        }

        @Override
        public void shortcuts() {
            ShortcutsDialog.show(stage);
        }

        @Override
        public void quit() {
            stage.close();
        }
    }
}
