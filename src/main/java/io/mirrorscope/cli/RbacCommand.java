package io.mirrorscope.cli;

import io.mirrorscope.kube.ReadOnlyRbac;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mirrorscope rbac [-n NS]}: prints the read-only ClusterRole and Role MirrorScope needs. */
@Command(name = "rbac", mixinStandardHelpOptions = true,
        description = {"Print the read-only RBAC rules MirrorScope needs (a ClusterRole and a Role).",
            "With -n, the Role is for that namespace. Apply with: mirrorscope rbac -n NS | kubectl apply -f -"})
public final class RbacCommand implements Callable<Integer> {

    @ParentCommand
    MirrorScopeCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(ReadOnlyRbac.yaml(parent.globals().namespace()));
        out.flush();
        return ExitCodes.OK;
    }
}
