package io.mirrorscope.app;

import io.mirrorscope.cli.GlobalOptions;
import java.nio.file.Path;

/**
 * What the command line asked of the desktop window.
 *
 * @param kubeconfig a kubeconfig file to use instead of KUBECONFIG / ~/.kube/config, or null
 * @param context    the context to connect to at start, or null for the remembered one
 * @param namespace  the namespace to open, or null for the context's
 * @param smoke      open the window, wait until it shows, then exit 0 (installer smoke test)
 */
public record StartOptions(Path kubeconfig, String context, String namespace, boolean smoke) {

    static StartOptions from(GlobalOptions options, boolean smoke) {
        return new StartOptions(options.kubeconfig(), options.context(), options.namespace(), smoke);
    }

    /** No kubeconfig, context or namespace given: the window starts from the remembered state. */
    public static StartOptions defaults() {
        return new StartOptions(null, null, null, false);
    }
}
