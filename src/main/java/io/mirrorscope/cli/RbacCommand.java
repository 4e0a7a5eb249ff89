package io.mirrorscope.cli;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.TerminalText;
import io.mirrorscope.kube.ReadOnlyRbac;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mirrorscope rbac [-n NS]}: prints the read-only ClusterRole and Role MirrorScope needs. */
@Command(name = "rbac", mixinStandardHelpOptions = true,
        description = {"Print the read-only RBAC rules MirrorScope needs (a ClusterRole and a Role).",
            "With -n, the Role is for that namespace. Apply with: mirrorscope rbac -n NS | kubectl apply -f -"})
public final class RbacCommand implements Callable<Integer> {

    /** A Kubernetes namespace name (an RFC 1123 label). */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    @ParentCommand
    MirrorScopeCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String namespace = parent.globals().namespace();
        // The name goes into YAML meant for kubectl apply: only a real namespace name, never text that could add
        // YAML or reach the terminal as escape sequences.
        if (namespace != null && !NAMESPACE.matcher(namespace).matches()) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "Not a namespace name: '"
                    + TerminalText.escape(namespace) + "'", "",
                    "Use lower-case letters, digits and '-', at most 63 characters"));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ReadOnlyRbac.yaml(namespace));
        out.flush();
        return ExitCodes.OK;
    }
}
