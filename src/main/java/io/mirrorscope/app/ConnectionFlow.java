package io.mirrorscope.app;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.kube.ActiveSession;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.connect.ConnectionChoice;
import io.mirrorscope.ui.main.MainWindowViewModel;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connecting and switching context: opens the new session off the FX thread, closes the old one (and the views
 * that used it), and tells the main window. The connection state in the status bar follows every step.
 */
final class ConnectionFlow {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFlow.class);

    private final ActiveSession active;
    private final BackgroundWork work;
    private final MainWindowViewModel mainViewModel;
    private final AppPreferences preferences;
    private final Runnable beforeSwitch;
    private final Consumer<KubeSession> onConnected;

    ConnectionFlow(ActiveSession active, BackgroundWork work, MainWindowViewModel mainViewModel,
                   AppPreferences preferences, Runnable beforeSwitch, Consumer<KubeSession> onConnected) {
        this.active = active;
        this.work = work;
        this.mainViewModel = mainViewModel;
        this.preferences = preferences;
        this.beforeSwitch = beforeSwitch;
        this.onConnected = onConnected;
    }

    /** Connects to what the user chose in the connect dialog. */
    CompletableFuture<KubeSession> connect(ConnectionChoice choice) {
        String namespace = choice.allNamespaces() ? null : choice.namespace();
        return connect(choice.context(), namespace, () -> choice.open(KubeSession.Options.desktop()));
    }

    /** Connects to a context named on the command line (e.g. the sandbox), without the dialog. */
    CompletableFuture<KubeSession> connect(StartOptions options) {
        return connect(options.context(), options.namespace(), () -> KubeSession.open(
                Kubeconfig.load(options.kubeconfig()), options.context(), options.namespace(),
                KubeSession.Options.desktop()));
    }

    private CompletableFuture<KubeSession> connect(String context, String namespace, SessionOpener opener) {
        beforeSwitch.run();
        mainViewModel.connecting(context, namespace);
        CompletableFuture<KubeSession> result = work.submit("Connecting to " + context, () -> {
            KubeSession session = active.replace(opener.open());
            // One cheap read proves the server answers and the credentials work before the UI says "Connected".
            session.client().getKubernetesVersion();
            return session;
        });
        return result.whenComplete((session, failure) -> {
            if (failure == null) {
                preferences.setLastConnection(session.context(), namespace);
                onConnected.accept(session);
            } else {
                Problem problem = problemOf(failure);
                LOG.warn("Connecting to {} failed: {}", context, problem.oneLine());
                mainViewModel.failed(problem.oneLine());
            }
        });
    }

    private Problem problemOf(Throwable failure) {
        Throwable cause = Problems.unwrap(failure);
        if (cause instanceof ProblemException pe) {
            return pe.problem();
        }
        return active.current().map(s -> s.problem(cause)).orElseGet(() -> new Problem(Problem.Kind.CONNECTION,
                "Could not connect", String.valueOf(cause.getMessage()), "check the kubeconfig and the network",
                cause));
    }

    @FunctionalInterface
    private interface SessionOpener {
        KubeSession open();
    }
}
