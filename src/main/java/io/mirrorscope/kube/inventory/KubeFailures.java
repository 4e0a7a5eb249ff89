package io.mirrorscope.kube.inventory;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;

/** Tells failures of one kind (403, 404) from failures of the whole connection (no answer, 401). */
final class KubeFailures {

    private KubeFailures() {
    }

    /** True when the server did not answer at all or refused the credentials: nothing else will work either. */
    static boolean isConnectionFailure(KubernetesClientException e) {
        return e.getCode() == 0 || e.getCode() == 401;
    }

    static ProblemException connection(KubernetesClientException e, String masterUrl) {
        if (e.getCode() == 401) {
            return new ProblemException(new Problem(Problem.Kind.CONNECTION,
                    "The Kubernetes API server at " + masterUrl + " refused the credentials",
                    reason(e), "Log in again (e.g. `oc login` or `kubectl` for this context) and retry.", e));
        }
        return new ProblemException(new Problem(Problem.Kind.CONNECTION,
                "Cannot reach the Kubernetes API server at " + masterUrl, reason(e),
                "Check the context's server address, the network or VPN, and the proxy settings.", e));
    }

    /** The server's short message, without the request dump fabric8 puts in getMessage(). */
    static String reason(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getStatus().getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
