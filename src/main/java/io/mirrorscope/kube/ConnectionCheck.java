package io.mirrorscope.kube;

import io.mirrorscope.core.ProblemException;
import java.util.List;

/**
 * What the connect dialog's "Check connection" reports: the server answered (its version), the credentials work,
 * which namespaces can be picked, and which of MirrorScope's reads are allowed. Reads only (plus access reviews).
 *
 * @param serverVersion the API server's {@code gitVersion}, or null when it does not say
 * @param namespaces    the namespace choices
 * @param namespace     the namespace the permissions were checked in, or null for all namespaces
 * @param permissions   one result per {@link PermissionCheck#NEEDS need}
 */
public record ConnectionCheck(String serverVersion, NamespaceChoices namespaces, String namespace,
                              List<PermissionCheck.Result> permissions) {

    /**
     * Runs the check on an open session.
     *
     * @param namespaceOrNull the namespace to check permissions in, or null for all namespaces
     * @throws ProblemException when the server cannot be reached or the credentials are refused
     */
    public static ConnectionCheck run(KubeSession session, String namespaceOrNull) {
        String version;
        try {
            var info = session.client().getKubernetesVersion();
            version = info.getGitVersion() != null ? info.getGitVersion()
                    : info.getMajor() != null ? "v" + info.getMajor() + "." + info.getMinor() : null;
        } catch (RuntimeException e) {
            throw new ProblemException(session.problem(e));
        }
        NamespaceChoices choices = NamespaceChoices.list(session);
        return new ConnectionCheck(version, choices, namespaceOrNull, PermissionCheck.run(session, namespaceOrNull));
    }

    /** The needs the server refused. */
    public List<PermissionCheck.Result> missing() {
        return permissions.stream().filter(r -> !r.allowed()).toList();
    }
}
