package io.mirrorscope.ui.connect;

import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;

/**
 * What the connect dialog returns: a context of the merged kubeconfig and a namespace (or all namespaces).
 *
 * @param kubeconfig    the kubeconfig the context came from
 * @param context       the context's name
 * @param namespace     the namespace to open, or the context's default when {@code allNamespaces}
 * @param allNamespaces true when the user chose "all namespaces"
 * @param insecure      true when the context's cluster skips TLS verification (show the warning badge)
 */
public record ConnectionChoice(Kubeconfig kubeconfig, String context, String namespace, boolean allNamespaces,
                               boolean insecure) {

    /** Opens the session for this choice (no network I/O yet). Close the previous session first. */
    public KubeSession open(KubeSession.Options options) {
        return KubeSession.open(kubeconfig, context, namespace, options);
    }
}
