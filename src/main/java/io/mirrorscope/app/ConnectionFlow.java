package io.mirrorscope.app;

import io.mirrorscope.core.ProblemException;
import io.mirrorscope.kube.ActiveSession;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.connect.ConnectionChoice;
import io.mirrorscope.ui.main.MainWindowViewModel;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Connecting and switching context: opens the new session off the FX thread, closes the old one (and the views
 * that used it), and tells the main window. The connection state in the status bar follows every step.
 */
final class ConnectionFlow {

    private final ActiveSession active;
    private final BackgroundWork work;
    private final MainWindowViewModel mainViewModel;
    private final AppPreferences preferences;
    private final Runnable beforeSwitch;
    private final Consumer<Connected> onConnected;
    private Runnable lastAttempt = () -> { };

    /** A session that answered, and whether the user asked for every namespace rather than its namespace. */
    record Connected(KubeSession session, boolean allNamespaces) {
    }

    ConnectionFlow(ActiveSession active, BackgroundWork work, MainWindowViewModel mainViewModel,
                   AppPreferences preferences, Runnable beforeSwitch, Consumer<Connected> onConnected) {
        this.active = active;
        this.work = work;
        this.mainViewModel = mainViewModel;
        this.preferences = preferences;
        this.beforeSwitch = beforeSwitch;
        this.onConnected = onConnected;
    }

    /** Connects to what the user chose in the connect dialog. */
    CompletableFuture<Void> connect(ConnectionChoice choice) {
        String namespace = choice.allNamespaces() ? null : choice.namespace();
        return connect(choice.context(), namespace, choice.allNamespaces(),
                () -> choice.open(KubeSession.Options.desktop()), () -> connect(choice));
    }

    /** Connects to a context named on the command line (e.g. the sandbox), without the dialog. */
    CompletableFuture<Void> connect(StartOptions options) {
        return connect(options.context(), options.namespace(), false, () -> KubeSession.open(
                Kubeconfig.load(options.kubeconfig()), options.context(), options.namespace(),
                KubeSession.Options.desktop()), () -> connect(options));
    }

    private CompletableFuture<Void> connect(String context, String namespace, boolean allNamespaces,
                                            SessionOpener opener, Runnable retry) {
        lastAttempt = retry;
        beforeSwitch.run();
        mainViewModel.problems().clear(); // the previous connection's problems are not this one's
        mainViewModel.connecting(context, namespace);
        return work.run("Connecting to " + context, () -> {
            KubeSession session = active.replace(opener.open());
            // One cheap read proves the server answers and the credentials work before the UI says "Connected".
            try {
                session.client().getKubernetesVersion();
            } catch (RuntimeException e) {
                throw new ProblemException(session.problem(e));
            }
            return session;
        }, mainViewModel.problems(), retry, session -> {
            preferences.setLastConnection(session.context(), namespace);
            onConnected.accept(new Connected(session, allNamespaces));
        }, report -> mainViewModel.failed(report.problem().oneLine()));
    }

    /** Connects again the way the last attempt did (the banner's "Retry" once the inventory failed). */
    void retryLast() {
        lastAttempt.run();
    }

    @FunctionalInterface
    private interface SessionOpener {
        KubeSession open();
    }
}
