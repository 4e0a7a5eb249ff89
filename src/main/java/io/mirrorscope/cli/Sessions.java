package io.mirrorscope.cli;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.TerminalText;
import io.mirrorscope.kube.KubeContext;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Opens the Kubernetes session of a command from the global options, the same way for every command. */
final class Sessions {

    private Sessions() {
    }

    /** The session of {@code --kubeconfig}/{@code --context}/{@code -n}; a server address that is no URL is usage. */
    static KubeSession open(GlobalOptions g) {
        Kubeconfig kubeconfig = Kubeconfig.load(g.kubeconfig());
        requireUsableServer(kubeconfig, g.context());
        return KubeSession.open(kubeconfig, g.context(), g.namespace(), KubeSession.Options.cli());
    }

    /**
     * A server address the HTTP client cannot even parse is a mistake in the kubeconfig, which the operator fixes
     * (exit 2), not a failure of the server (3) or of MirrorScope (1). An address without a scheme is left to the
     * client, which, like kubectl, takes it as a host name.
     */
    static void requireUsableServer(Kubeconfig kubeconfig, String selected) {
        String name = selected != null ? selected : kubeconfig.currentContext();
        KubeContext context = kubeconfig.contexts().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElse(null);
        if (context == null || context.server() == null || context.server().isBlank()) {
            return;  // the session says what is missing
        }
        String server = context.server().strip();
        String problem = null;
        try {
            URI uri = new URI(server);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme != null && !scheme.equals("https") && !scheme.equals("http")) {
                problem = "the scheme must be https or http";
            } else if (scheme != null && (uri.getHost() == null || uri.getHost().isBlank())) {
                problem = "it names no host";
            }
        } catch (URISyntaxException e) {
            problem = e.getReason() + " at character " + (e.getIndex() + 1);
        }
        if (problem != null) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "The server address '"
                    + TerminalText.escape(server) + "' of cluster " + TerminalText.escape(context.cluster())
                    + " (context " + TerminalText.escape(context.name()) + ") is not a URL", problem,
                    "Fix clusters[].cluster.server in the kubeconfig, e.g. https://api.example.com:6443"));
        }
    }
}
