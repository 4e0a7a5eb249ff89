package io.mirrorscope.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The one mapping of failures of a Kubernetes API call to the {@link Problem} a user sees (design.md: errors):
 * the session, the inventory readers and the Strimzi reader of the kafka adapter all use it, so a 401 or a 403 reads
 * the same wherever it happens. A {@link ProblemException} anywhere in the cause chain (e.g. a credential that
 * failed its check inside the HTTP client) wins over the HTTP failure around it.
 */
public final class KubeErrors {

    private static final Pattern CANNOT =
            Pattern.compile("cannot (\\w+) resource \"([^\"]+)\"( in API group \"([^\"]*)\")?");

    private static final Pattern IN_NAMESPACE = Pattern.compile("in the namespace \"([^\"]+)\"");

    private KubeErrors() {
    }

    /**
     * The problem behind {@code failure} of a call on context {@code context} as {@code user} to {@code server}.
     * {@code context} and {@code user} may be null where the caller only has the client.
     */
    public static Problem problem(Throwable failure, String context, String user, String server) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException pe) {
                return pe.problem();
            }
            if (t instanceof ReadOnlyGuard.ReadOnlyViolation v) {
                return new Problem(Problem.Kind.INTERNAL, "MirrorScope refused to send a write request",
                        v.getMessage(), "this is a bug; please report it with the log", failure);
            }
        }
        KubernetesClientException kce = find(failure, KubernetesClientException.class);
        if (kce != null && kce.getCode() == 401) {
            return new Problem(Problem.Kind.CONNECTION,
                    "Authentication failed " + (context == null ? "at " + server
                            : "for context " + context + " (user " + user + ")"),
                    "token expired or invalid",
                    "run `oc login " + server + "` (or your provider's login) and try again", failure);
        }
        if (kce != null && kce.getCode() == 403) {
            String message = kce.getStatus() == null ? null : kce.getStatus().getMessage();
            String verb = kce.getName() == null ? "list" : "get";
            String resource = kce.getResourcePlural();
            if (kce.getGroup() != null && !kce.getGroup().isEmpty() && resource != null) {
                resource = resource + "." + kce.getGroup();
            }
            if (message != null) {
                Matcher m = CANNOT.matcher(message);
                if (m.find()) {
                    verb = m.group(1);
                    resource = m.group(4) == null || m.group(4).isEmpty() ? m.group(2) : m.group(2) + "." + m.group(4);
                }
            }
            String namespace = kce.getNamespace();
            if (message != null) {
                Matcher ns = IN_NAMESPACE.matcher(message);
                if (ns.find()) {
                    namespace = ns.group(1);
                }
            }
            String where = namespace == null ? "" : " in namespace " + namespace;
            return new Problem(Problem.Kind.FORBIDDEN,
                    "Not allowed to " + verb + " " + (resource == null ? "this resource" : resource) + where
                            + (context == null ? "" : " (context " + context + ", user " + user + ")"),
                    message == null ? "" : message,
                    "ask an admin for MirrorScope's read-only role (`mirrorscope rbac` prints it)", failure);
        }
        if (kce != null && kce.getCode() == 404) {
            return new Problem(Problem.Kind.NOT_FOUND, "Not found on " + server,
                    kce.getStatus() == null ? "" : kce.getStatus().getMessage(), "", failure);
        }
        SSLException ssl = find(failure, SSLException.class);
        if (ssl != null) {
            return new Problem(Problem.Kind.CONNECTION, "TLS handshake with " + server + " failed",
                    String.valueOf(ssl.getMessage()),
                    "check the cluster's certificate-authority (and tls-server-name) in the kubeconfig", failure);
        }
        if (find(failure, ConnectException.class) != null || find(failure, UnknownHostException.class) != null
                || find(failure, HttpConnectTimeoutException.class) != null
                || find(failure, HttpTimeoutException.class) != null) {
            return new Problem(Problem.Kind.CONNECTION, "Cannot reach the Kubernetes API server at " + server,
                    rootMessage(failure), "check the network, VPN or proxy, and the server URL of "
                    + (context == null ? "the context" : "context " + context), failure);
        }
        if (kce != null && kce.getCode() > 0) {
            return new Problem(Problem.Kind.CONNECTION, "The API server at " + server + " answered HTTP "
                    + kce.getCode(), kce.getStatus() == null ? "" : kce.getStatus().getMessage(), "", failure);
        }
        return new Problem(Problem.Kind.CONNECTION, "Request to " + server + " failed", rootMessage(failure), "",
                failure);
    }

    /** As {@link #problem}, thrown. */
    public static ProblemException exception(Throwable failure, String context, String user, String server) {
        return new ProblemException(problem(failure, context, user, server));
    }

    /**
     * True when the server did not answer at all or refused the credentials (or a credential failed its check):
     * nothing else will work either, so a reader stops instead of recording one failure per kind.
     */
    public static boolean isConnectionFailure(KubernetesClientException e) {
        return e.getCode() == 0 || e.getCode() == 401;
    }

    /** The server's short message, without the request dump fabric8 puts in getMessage(). */
    public static String reason(KubernetesClientException e) {
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

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
