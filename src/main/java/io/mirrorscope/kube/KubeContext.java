package io.mirrorscope.kube;

/**
 * One context of the merged kubeconfig, as {@code mirrorscope contexts} and the connect dialog list it.
 *
 * @param name      the context's name
 * @param cluster   the name of the cluster it points at
 * @param server    that cluster's API server URL, or null when the cluster is not defined in any file
 * @param user      the name of the user (auth info) it uses; may be null
 * @param namespace the context's namespace, or null when it sets none
 */
public record KubeContext(String name, String cluster, String server, String user, String namespace) {
}
