package io.mirrorscope.ui.main;

import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.ProblemSlot;
import io.mirrorscope.ui.common.Theme;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * State of the main window: connection, context and namespace, the navigation tree, theme and the empty-state
 * text. No JavaFX scene types: tested without a toolkit.
 */
public final class MainWindowViewModel {

    // Properties
    private final ReadOnlyObjectWrapper<ConnectionState> connection =
            new ReadOnlyObjectWrapper<>(this, "connection", ConnectionState.DISCONNECTED);
    private final ReadOnlyStringWrapper context = new ReadOnlyStringWrapper(this, "context", "");
    private final ReadOnlyStringWrapper namespace = new ReadOnlyStringWrapper(this, "namespace", "");
    private final ReadOnlyStringWrapper connectionDetail = new ReadOnlyStringWrapper(this, "connectionDetail", "");
    private final ReadOnlyBooleanWrapper insecure = new ReadOnlyBooleanWrapper(this, "insecure", false);
    private final ReadOnlyObjectWrapper<NavNode> navigation =
            new ReadOnlyObjectWrapper<>(this, "navigation", disconnectedTree());
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.SYSTEM);
    /** How every view shows times (local or UTC): one setting, so no two tables disagree. */
    private final io.mirrorscope.ui.controls.TimeDisplay timeDisplay = io.mirrorscope.ui.controls.TimeDisplay.system();
    private final BooleanProperty systemPrefersDark = new SimpleBooleanProperty(this, "systemPrefersDark", false);
    private final BooleanBinding dark;
    private final ReadOnlyBooleanWrapper sandboxAvailable = new ReadOnlyBooleanWrapper(this, "sandbox", false);
    private final ObservableValue<String> emptyStateTitle;
    private final ObservableValue<String> emptyStateHint;

    private final BackgroundWork work;
    private final ProblemSlot problems;

    public MainWindowViewModel(BackgroundWork work) {
        this(work, new ProblemSlot());
    }

    /** {@code problems} is the app's one display for failures that belong to no view (uncaught ones too). */
    public MainWindowViewModel(BackgroundWork work, ProblemSlot problems) {
        this.work = work;
        this.problems = problems;
        this.dark = Bindings.createBooleanBinding(() -> theme.get().isDark(systemPrefersDark.get()),
                theme, systemPrefersDark);
        this.emptyStateTitle = connection.map(state -> switch (state) {
            case DISCONNECTED -> "Connect to a cluster…";
            case CONNECTING -> "Connecting to " + context.get() + "…";
            case RECONNECTING -> "Reconnecting to " + context.get() + "… (showing the last known state)";
            case CONNECTED -> "Pick a cluster, mirror or tracing back-end on the left";
            case FAILED -> "Could not connect to " + context.get();
        });
        this.emptyStateHint = connection.map(state -> switch (state) {
            case DISCONNECTED -> "File ▸ Connect… (Ctrl+K) picks a kubeconfig context and namespace. "
                    + "No cluster at hand? Start the sandbox: see the README's first command.";
            case CONNECTING -> "Reading the kubeconfig and asking the API server who you are.";
            case RECONNECTING -> connectionDetail.get();
            case CONNECTED -> "Everything here is read-only: MirrorScope never writes to Kubernetes or Kafka.";
            case FAILED -> connectionDetail.get();
        });
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty contextProperty() {
        return context.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty namespaceProperty() {
        return namespace.getReadOnlyProperty();
    }

    /** The last connection problem in one line, empty when none. */
    public ReadOnlyStringProperty connectionDetailProperty() {
        return connectionDetail.getReadOnlyProperty();
    }

    /** True when the context skips TLS verification: the status bar shows a warning badge. */
    public ReadOnlyBooleanProperty insecureProperty() {
        return insecure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NavNode> navigationProperty() {
        return navigation.getReadOnlyProperty();
    }

    /** The app's one time setting (View ▸ Times in UTC); views bind their time columns to it. */
    public io.mirrorscope.ui.controls.TimeDisplay timeDisplay() {
        return timeDisplay;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Whether the OS asks for dark colours (fed by the controller from JavaFX's platform preferences). */
    public BooleanProperty systemPrefersDarkProperty() {
        return systemPrefersDark;
    }

    /** Whether the dark palette is in effect now. */
    public BooleanBinding darkProperty() {
        return dark;
    }

    /** True when the app runs on the sandbox: the Sandbox menu shows. */
    public ReadOnlyBooleanProperty sandboxAvailableProperty() {
        return sandboxAvailable.getReadOnlyProperty();
    }

    public ObservableValue<String> emptyStateTitleProperty() {
        return emptyStateTitle;
    }

    public ObservableValue<String> emptyStateHintProperty() {
        return emptyStateHint;
    }

    public BackgroundWork work() {
        return work;
    }

    /** The main window's problem banner: connection failures and failures that belong to no view. */
    public ProblemSlot problems() {
        return problems;
    }

    // Commands

    /** A connection attempt to {@code contextName} has started. */
    public void connecting(String contextName, String namespaceName) {
        context.set(contextName);
        namespace.set(namespaceName == null ? "" : namespaceName);
        connectionDetail.set("");
        connection.set(ConnectionState.CONNECTING);
        navigation.set(contextTree(contextName, namespaceName, List.of(
                NavNode.leaf(NavNode.Kind.PLACEHOLDER, "Loading…", contextName + "/loading"))));
    }

    /** Connected; {@code sections} are the namespace's clusters / mirrors / tracing entries. */
    public void connected(String contextName, String namespaceName, boolean skipsTlsVerify, List<NavNode> sections) {
        context.set(contextName);
        namespace.set(namespaceName == null ? "" : namespaceName);
        insecure.set(skipsTlsVerify);
        connectionDetail.set("");
        connection.set(ConnectionState.CONNECTED);
        navigation.set(contextTree(contextName, namespaceName, sections));
    }

    /** New navigation entries under the connected namespace (the inventory changed). */
    public void showSections(List<NavNode> sections) {
        if (connection.get() == ConnectionState.DISCONNECTED || connection.get() == ConnectionState.FAILED) {
            return;
        }
        String ns = namespace.get().isEmpty() ? null : namespace.get();
        navigation.set(contextTree(context.get(), ns, sections));
    }

    /** The live connection is back after {@link #reconnecting(String)}. */
    public void reconnected() {
        if (connection.get() == ConnectionState.RECONNECTING) {
            connectionDetail.set("");
            connection.set(ConnectionState.CONNECTED);
        }
    }

    /** The live connection dropped and is being re-established (the data shown may be stale). */
    public void reconnecting(String reason) {
        connectionDetail.set(reason);
        connection.set(ConnectionState.RECONNECTING);
    }

    /** The connection attempt failed; {@code problemLine} says why and what to do. */
    public void failed(String problemLine) {
        connectionDetail.set(problemLine);
        connection.set(ConnectionState.FAILED);
    }

    /** Back to no connection: the tree asks the user to connect. */
    public void disconnected() {
        context.set("");
        namespace.set("");
        insecure.set(false);
        connectionDetail.set("");
        connection.set(ConnectionState.DISCONNECTED);
        navigation.set(disconnectedTree());
    }

    public void setSandboxAvailable(boolean available) {
        sandboxAvailable.set(available);
    }

    private static NavNode contextTree(String contextName, String namespaceName, List<NavNode> sections) {
        String ns = namespaceName == null || namespaceName.isBlank() ? "all namespaces" : namespaceName;
        NavNode namespaceNode = new NavNode(NavNode.Kind.NAMESPACE, ns, contextName + "/" + ns, sections);
        return new NavNode(NavNode.Kind.CONTEXT, contextName, contextName, List.of(namespaceNode));
    }

    private static NavNode disconnectedTree() {
        return new NavNode(NavNode.Kind.PLACEHOLDER, "Not connected", "", List.of(
                NavNode.leaf(NavNode.Kind.PLACEHOLDER, "File ▸ Connect… (Ctrl+K)", "connect")));
    }
}
