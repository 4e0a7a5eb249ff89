package io.mirrorscope.ui.main;

import io.mirrorscope.ui.common.Appearance;
import io.mirrorscope.ui.common.Icons;
import io.mirrorscope.ui.common.ProblemBanner;
import io.mirrorscope.ui.common.SearchField;
import io.mirrorscope.ui.common.Shortcuts;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.common.Theme;
import io.mirrorscope.ui.common.WorkView;
import java.util.Map;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Wires the main window to its view model: menus, navigation tree, tabs and status bar. No logic of its own. */
public final class MainWindowController {

    /** What the main window asks of the rest of the app. */
    public interface Actions {
        void connect();

        void open(NavNode node);

        void about();

        /** "Compare records…" on a mirror entry: its link's records side by side. */
        default void compare(NavNode mirror) {
        }

        /** File ▸ Compare topics…: two clusters and two topics by hand. */
        default void compareTopics() {
        }

        /** Help ▸ Keyboard shortcuts. */
        default void shortcuts() {
        }

        void quit();
    }

    @FXML private BorderPane root;
    @FXML private TreeView<NavNode> navigation;
    @FXML private TabPane tabs;
    @FXML private VBox emptyState;
    @FXML private Label emptyTitle;
    @FXML private Label emptyHint;
    @FXML private Button emptyConnect;
    @FXML private Label connectionLabel;
    @FXML private Label contextLabel;
    @FXML private Label namespaceLabel;
    @FXML private Label workLabel;
    @FXML private ProgressBar workProgress;
    @FXML private Label insecureBadge;
    @FXML private Label readOnlyBadge;
    @FXML private Menu sandboxMenu;
    @FXML private ProblemBanner problemBanner;
    @FXML private VBox navigationPane;
    @FXML private MenuItem connectItem;
    @FXML private MenuItem refreshItem;
    @FXML private MenuItem closeTabItem;
    @FXML private MenuItem quitItem;
    @FXML private MenuItem findItem;
    @FXML private MenuItem focusNavigationItem;
    @FXML private MenuItem nextTabItem;
    @FXML private MenuItem previousTabItem;
    @FXML private MenuItem shortcutsItem;
    @FXML private MenuItem aboutItem;
    @FXML private MenuItem compareTopicsItem;
    @FXML private javafx.scene.control.CheckMenuItem utcItem;
    @FXML private Menu themeMenu;
    @FXML private ToggleGroup themeGroup;
    @FXML private RadioMenuItem themeSystem;
    @FXML private RadioMenuItem themeLight;
    @FXML private RadioMenuItem themeDark;

    private final MainWindowViewModel viewModel;
    private final Actions actions;
    private WorkArea workArea;

    public MainWindowController(MainWindowViewModel viewModel, Actions actions) {
        this.viewModel = viewModel;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        workArea = new WorkArea(tabs);
        problemBanner.bind(viewModel.problems());
        Region dot = new Region();
        dot.getStyleClass().add(Styles.STATE_DOT);
        connectionLabel.setGraphic(dot);
        connectionLabel.textProperty().bind(viewModel.connectionProperty().map(ConnectionState::label));
        viewModel.connectionProperty().subscribe((old, now) -> {
            if (old != null) {
                connectionLabel.pseudoClassStateChanged(Styles.state(old.cssName()), false);
            }
            connectionLabel.pseudoClassStateChanged(Styles.state(now.cssName()), true);
        });
        connectionLabel.pseudoClassStateChanged(Styles.state(viewModel.connectionProperty().get().cssName()), true);
        contextLabel.textProperty().bind(viewModel.contextProperty().map(c -> c.isEmpty() ? "" : "context " + c));
        namespaceLabel.textProperty().bind(viewModel.namespaceProperty().map(n -> n.isEmpty() ? "" : "namespace " + n));
        insecureBadge.visibleProperty().bind(viewModel.insecureProperty());
        insecureBadge.managedProperty().bind(insecureBadge.visibleProperty());
        workLabel.textProperty().bind(viewModel.work().messageProperty());
        workProgress.progressProperty().bind(viewModel.work().progressProperty());
        workProgress.visibleProperty().bind(viewModel.work().busyProperty());
        sandboxMenu.visibleProperty().bind(viewModel.sandboxAvailableProperty());

        emptyTitle.textProperty().bind(viewModel.emptyStateTitleProperty());
        emptyHint.textProperty().bind(viewModel.emptyStateHintProperty());
        emptyState.visibleProperty().bind(Bindings.isEmpty(tabs.getTabs()));
        emptyConnect.visibleProperty().bind(viewModel.connectionProperty()
                .map(s -> s == ConnectionState.DISCONNECTED || s == ConnectionState.FAILED));

        org.controlsfx.control.textfield.CustomTextField navigationSearch =
                SearchField.create("Find a cluster, mirror or back-end");
        navigationSearch.setId("navigationSearch");
        // the navigation keeps its width when the window grows: the views get the new room
        javafx.scene.control.SplitPane.setResizableWithParent(navigationPane, false);
        VBox.setMargin(navigationSearch, new javafx.geometry.Insets(0, 8, 4, 8));
        navigationPane.getChildren().add(1, navigationSearch);
        NavigationTree tree = new NavigationTree(navigation, actions::open, actions::compare);
        tree.filter(navigationSearch.textProperty());
        tree.follow(viewModel.navigationProperty());
        accelerators();
        accessibleTexts();
        // Ctrl+Tab must work even where a text field or table takes it for focus traversal: filter, not accelerator.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && e.isShortcutDown()) {
                workArea.cycle(e.isShiftDown() ? -1 : 1);
                e.consume();
            }
        });
        bindTheme();
        utcItem.selectedProperty().bindBidirectional(viewModel.timeDisplay().utcProperty());
    }

    private void bindTheme() {
        Map<Theme, RadioMenuItem> items = Map.of(Theme.SYSTEM, themeSystem, Theme.LIGHT, themeLight,
                Theme.DARK, themeDark);
        items.forEach((theme, item) -> item.setUserData(theme));
        themeGroup.selectToggle(items.get(viewModel.themeProperty().get()));
        themeGroup.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                viewModel.themeProperty().set((Theme) t.getUserData());
            }
        });
        viewModel.themeProperty().subscribe(theme -> themeGroup.selectToggle(items.get(theme)));
        viewModel.systemPrefersDarkProperty().bind(Platform.getPreferences().colorSchemeProperty()
                .map(scheme -> scheme == ColorScheme.DARK));
        viewModel.darkProperty().subscribe(dark -> {
            Appearance.apply(dark);
            root.pseudoClassStateChanged(Styles.DARK, dark);
        });
    }

    /** Accelerators and icons of the menus, from the one registry the help lists too. */
    private void accelerators() {
        menu(connectItem, Shortcuts.CONNECT, Icons.CONNECT);
        menu(refreshItem, Shortcuts.REFRESH, Icons.REFRESH);
        menu(closeTabItem, Shortcuts.CLOSE_TAB, Icons.CLOSE);
        menu(quitItem, Shortcuts.QUIT, Icons.QUIT);
        menu(findItem, Shortcuts.FIND, Icons.SEARCH);
        menu(focusNavigationItem, Shortcuts.FOCUS_NAVIGATION, Icons.SECTION);
        // Ctrl+Tab is handled by the event filter above (text fields and tables take it otherwise); the accelerator
        // shows it in the menu the same way as the others, and the filter consumes the key before it fires.
        menu(nextTabItem, Shortcuts.NEXT_TAB, null);
        menu(previousTabItem, Shortcuts.PREVIOUS_TAB, null);
        menu(shortcutsItem, Shortcuts.SHORTCUTS, Icons.KEYBOARD);
        aboutItem.setGraphic(Icons.ABOUT.node());
        compareTopicsItem.setGraphic(Icons.COMPARE.node());
        utcItem.setGraphic(Icons.CLOCK.node());
        themeMenu.setGraphic(Icons.THEME.node());
    }

    private static void menu(MenuItem item, Shortcuts shortcut, Icons icon) {
        item.setAccelerator(shortcut.keys());
        if (icon != null) {
            item.setGraphic(icon.node());
        }
    }

    private void accessibleTexts() {
        tabs.setAccessibleText("Open views");
        emptyConnect.setGraphic(Icons.CONNECT.node());
        readOnlyBadge.setGraphic(Icons.READ_ONLY.node());
        readOnlyBadge.setAccessibleText("Read-only: MirrorScope never writes to Kubernetes or Kafka");
        insecureBadge.setGraphic(Icons.INSECURE.node());
        insecureBadge.setAccessibleText("The API server's TLS certificate is not verified for this context");
        workProgress.setAccessibleText("Background work in progress");
        connectionLabel.accessibleTextProperty().bind(connectionLabel.textProperty().map(t -> "Connection: " + t));
    }

    /** Shows {@code view} in a tab; a view of the same target already open is selected instead. */
    public void open(WorkView view) {
        workArea.open(view);
    }

    /** Focuses the tab showing {@code target}, or builds its view with {@code factory}; returns the view. */
    public WorkView show(io.mirrorscope.ui.common.ViewTarget target,
                         java.util.function.Supplier<? extends WorkView> factory) {
        return workArea.show(target, factory);
    }

    /** The open view of {@code target}, if any. */
    public java.util.Optional<WorkView> viewOf(io.mirrorscope.ui.common.ViewTarget target) {
        return workArea.viewOf(target);
    }

    /** How many views are open (one per target). */
    public int openViews() {
        return workArea.size();
    }

    /** Closes every open view (context switch). */
    public void closeAllViews() {
        workArea.closeAll();
    }

    /** The window this controller fills, for dialogs; null before it is shown. */
    public javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** The sandbox's fault switches go into this menu (only shown when running on the sandbox). */
    public Menu sandboxMenu() {
        return sandboxMenu;
    }

    @FXML
    private void connect() {
        actions.connect();
    }

    @FXML
    private void compareTopics() {
        actions.compareTopics();
    }

    @FXML
    private void refresh() {
        workArea.selected().ifPresent(WorkView::refresh);
    }

    @FXML
    private void focusFilter() {
        workArea.selected().ifPresent(WorkView::focusFilter);
    }

    @FXML
    private void closeTab() {
        workArea.closeSelected();
    }

    @FXML
    private void nextTab() {
        workArea.cycle(1);
    }

    @FXML
    private void previousTab() {
        workArea.cycle(-1);
    }

    @FXML
    private void focusNavigation() {
        navigation.requestFocus();
        if (navigation.getSelectionModel().isEmpty()) {
            navigation.getSelectionModel().select(0);
        }
    }

    @FXML
    private void shortcuts() {
        actions.shortcuts();
    }

    @FXML
    private void about() {
        actions.about();
    }

    @FXML
    private void quit() {
        actions.quit();
    }
}
