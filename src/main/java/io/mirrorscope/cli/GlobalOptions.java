package io.mirrorscope.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command understands. Declared once on the top-level command with
 * {@link ScopeType#INHERIT}, so {@code mirrorscope --context x inventory} and
 * {@code mirrorscope inventory --context x} mean the same.
 */
public final class GlobalOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Kubeconfig context (default: the current context).")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", scope = ScopeType.INHERIT,
            description = "Namespace (default: the context's namespace, else 'default').")
    String namespace;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table).")
    OutputFormat output = OutputFormat.table;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Log details to stderr and show stack traces.")
    boolean debug;

    /** The kubeconfig file named with --kubeconfig, or null to follow KUBECONFIG and ~/.kube/config. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** The context named with --context, or null for the kubeconfig's current context. */
    public String context() {
        return context;
    }

    /** The namespace named with -n, or null for the context's namespace. */
    public String namespace() {
        return namespace;
    }

    public OutputFormat output() {
        return output;
    }

    public boolean debug() {
        return debug;
    }
}
