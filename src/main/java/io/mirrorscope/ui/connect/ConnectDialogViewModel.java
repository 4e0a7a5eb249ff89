package io.mirrorscope.ui.connect;

import io.mirrorscope.kube.ConnectionCheck;
import io.mirrorscope.kube.KubeContext;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import io.mirrorscope.kube.NamespaceChoices;
import io.mirrorscope.kube.PermissionCheck;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.ProblemSlot;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the connect dialog: the merged kubeconfig's contexts (the current one preselected), the namespace
 * (picked from what the user may list, or typed, or "all namespaces"), and the result of a connection check with
 * the permissions MirrorScope needs. Loading and checking run on the I/O executor through {@link BackgroundWork}.
 */
public final class ConnectDialogViewModel {

    /** Where the connection check stands. */
    public enum CheckState { IDLE, RUNNING, OK, PARTIAL, FAILED }

    // Properties
    private final ObservableList<KubeContext> contexts = FXCollections.observableArrayList();
    private final ObjectProperty<KubeContext> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final BooleanProperty allNamespaces = new SimpleBooleanProperty(this, "allNamespaces", false);
    private final ObservableList<String> namespaceChoices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper namespaceHint = new ReadOnlyStringWrapper(this, "namespaceHint",
            "Check the connection to list namespaces");
    private final ReadOnlyBooleanWrapper insecure = new ReadOnlyBooleanWrapper(this, "insecure", false);
    private final ReadOnlyStringWrapper kubeconfigText = new ReadOnlyStringWrapper(this, "kubeconfigText", "");
    private final ReadOnlyStringWrapper loadProblem = new ReadOnlyStringWrapper(this, "loadProblem", "");
    private final ReadOnlyObjectWrapper<CheckState> checkState =
            new ReadOnlyObjectWrapper<>(this, "checkState", CheckState.IDLE);
    private final ReadOnlyStringWrapper checkSummary = new ReadOnlyStringWrapper(this, "checkSummary", "");
    private final ObservableList<PermissionCheck.Result> permissions = FXCollections.observableArrayList();
    private final BooleanBinding canConnect;

    private final Supplier<Kubeconfig> loader;
    private final BackgroundWork work;
    private final KubeSession.Options options;
    private final ProblemSlot problems = new ProblemSlot();
    private Kubeconfig kubeconfig;
    private long generation;
    private String preferredContext;
    private String preferredNamespace;

    /**
     * @param loader  loads the merged kubeconfig (e.g. {@code () -> Kubeconfig.load(startOptions.kubeconfig())})
     * @param work    the app's background work (I/O executor, results on the FX thread)
     * @param options how sessions may interact (desktop: no terminal)
     */
    public ConnectDialogViewModel(Supplier<Kubeconfig> loader, BackgroundWork work, KubeSession.Options options) {
        this.loader = loader;
        this.work = work;
        this.options = options;
        selected.addListener((obs, old, now) -> contextChanged(now));
        namespace.addListener((obs, old, now) -> resetCheck());
        allNamespaces.addListener((obs, old, now) -> resetCheck());
        canConnect = Bindings.createBooleanBinding(() -> selected.get() != null
                        && (allNamespaces.get() || !namespace.get().isBlank()),
                selected, namespace, allNamespaces);
    }

    public ObservableList<KubeContext> contexts() {
        return contexts;
    }

    public ObjectProperty<KubeContext> selectedProperty() {
        return selected;
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public BooleanProperty allNamespacesProperty() {
        return allNamespaces;
    }

    public ObservableList<String> namespaceChoices() {
        return namespaceChoices;
    }

    public ReadOnlyStringProperty namespaceHintProperty() {
        return namespaceHint.getReadOnlyProperty();
    }

    /** True when the selected context's cluster skips TLS verification. */
    public ReadOnlyBooleanProperty insecureProperty() {
        return insecure.getReadOnlyProperty();
    }

    /** Which kubeconfig files were merged. */
    public ReadOnlyStringProperty kubeconfigTextProperty() {
        return kubeconfigText.getReadOnlyProperty();
    }

    /** The kubeconfig could not be loaded: the problem's one line, else empty. */
    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CheckState> checkStateProperty() {
        return checkState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkSummaryProperty() {
        return checkSummary.getReadOnlyProperty();
    }

    /** One row per read MirrorScope needs, after a check. */
    public ObservableList<PermissionCheck.Result> permissions() {
        return permissions;
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    // Commands

    /**
     * Asks {@link #load()} to preselect this context (e.g. {@code --context}, or the one used last time) instead of
     * the kubeconfig's current context, and this namespace instead of the context's. Null keeps the default.
     */
    public void preselect(String contextOrNull, String namespaceOrNull) {
        preferredContext = contextOrNull;
        preferredNamespace = namespaceOrNull;
    }

    /** Loads the kubeconfig in the background and preselects the current (or the preferred) context. */
    public CompletableFuture<Void> load() {
        long gen = ++generation;
        return work.run("Reading the kubeconfig", loader::get, problems, this::load, loaded -> {
            if (gen != generation) {
                return;
            }
            kubeconfig = loaded;
            loadProblem.set(loaded.contexts().isEmpty() ? "The kubeconfig has no contexts (" + describe(loaded)
                    + "). Log in first, e.g. with `oc login`." : "");
            kubeconfigText.set(describe(loaded));
            contexts.setAll(loaded.contexts());
            KubeContext current = find(loaded, preferredContext)
                    .or(() -> find(loaded, loaded.currentContext()))
                    .orElse(loaded.contexts().isEmpty() ? null : loaded.contexts().getFirst());
            selected.set(current);
            if (current != null && current.name().equals(preferredContext) && preferredNamespace != null) {
                namespace.set(preferredNamespace);
            }
        }, report -> {
            if (gen == generation) {
                kubeconfig = null;
                contexts.clear();
                loadProblem.set(""); // the banner has it, in full
            }
        });
    }

    /** Connects to the selected context in the background and reports what works. */
    public CompletableFuture<Void> check() {
        KubeContext context = selected.get();
        if (context == null || kubeconfig == null) {
            return CompletableFuture.completedFuture(null);
        }
        Kubeconfig config = kubeconfig;
        String ns = allNamespaces.get() ? null : namespace.get().strip();
        long gen = ++generation;
        checkState.set(CheckState.RUNNING);
        checkSummary.set("Checking " + context.name() + "…");
        permissions.clear();
        return work.run("Checking the connection to " + context.name(), () -> {
            try (KubeSession session = KubeSession.open(config, context.name(), ns, options)) {
                return ConnectionCheck.run(session, ns);
            }
        }, problems, this::check, result -> {
            if (gen == generation) {
                showCheck(result);
            }
        }, report -> {
            if (gen == generation) {
                checkState.set(CheckState.FAILED);
                checkSummary.set("Check failed: see the problem above");
            }
        });
    }

    /** The dialog's problem banner: a kubeconfig that cannot be read, a check that failed. */
    public ProblemSlot problems() {
        return problems;
    }

    /** The choice to connect with, when one is complete. */
    public Optional<ConnectionChoice> choice() {
        KubeContext context = selected.get();
        if (!canConnect.get() || kubeconfig == null) {
            return Optional.empty();
        }
        String ns = allNamespaces.get() ? (context.namespace() == null ? "default" : context.namespace())
                : namespace.get().strip();
        return Optional.of(new ConnectionChoice(kubeconfig, context.name(), ns, allNamespaces.get(), insecure.get()));
    }

    private void showCheck(ConnectionCheck result) {
        // what is missing first: that is what the user has to act on
        permissions.setAll(result.permissions().stream()
                .sorted(java.util.Comparator.comparing(PermissionCheck.Result::allowed)).toList());
        namespaceChoices.setAll(result.namespaces().names());
        namespaceHint.set(switch (result.namespaces().source()) {
            case NAMESPACES -> "Namespaces of the cluster";
            case OPENSHIFT_PROJECTS -> "Your OpenShift projects";
            case TYPED -> "You may not list namespaces: type one";
        });
        long allowed = result.permissions().stream().filter(PermissionCheck.Result::allowed).count();
        String where = result.namespace() == null ? "all namespaces" : "namespace " + result.namespace();
        checkState.set(allowed == result.permissions().size() ? CheckState.OK : CheckState.PARTIAL);
        checkSummary.set("Connected" + (result.serverVersion() == null ? "" : ": Kubernetes "
                + result.serverVersion()) + "; " + allowed + " of "
                + result.permissions().size() + " reads allowed in " + where
                + (result.namespaces().source() == NamespaceChoices.Source.TYPED ? "" : "; "
                + result.namespaces().names().size() + " namespaces visible"));
    }

    private void contextChanged(KubeContext now) {
        resetCheck();
        namespaceChoices.clear();
        namespaceHint.set("Check the connection to list namespaces");
        if (now == null) {
            insecure.set(false);
            return;
        }
        namespace.set(now.namespace() == null ? "default" : now.namespace());
        Kubeconfig.Cluster cluster = kubeconfig == null || now.cluster() == null ? null
                : kubeconfig.clusters().get(now.cluster());
        insecure.set(cluster != null && cluster.insecureSkipTlsVerify());
    }

    /** Any change of context or namespace makes a shown (or running) check stale. */
    private void resetCheck() {
        generation++;
        checkState.set(CheckState.IDLE);
        checkSummary.set("");
        permissions.clear();
    }

    private static Optional<KubeContext> find(Kubeconfig k, String name) {
        return name == null ? Optional.empty() : k.contexts().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static String describe(Kubeconfig k) {
        return k.files().isEmpty() ? "no kubeconfig file found" : String.join(", ",
                k.files().stream().map(Object::toString).toList());
    }
}
