package io.mirrorscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.InventoryReport;
import io.mirrorscope.core.inventory.KindStatus;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.inventory.InventoryReader;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mirrorscope inventory}: a one-shot inventory of Kafka clusters, mirrors (with their links), topics, users
 * and tracing back-ends, in the session's namespace or, with {@code -A}, all namespaces.
 *
 * <p>Exit 0 when the inventory was read, even when it lists problems (they are part of the answer); 3 when the
 * API server cannot be reached, refuses the credentials, or every read failed.
 */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Print Kafka clusters, mirrors, topics, users and tracing back-ends.")
public final class InventoryCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @ParentCommand
    MirrorScopeCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-A", "--all-namespaces"}, description = "Read all namespaces (needs cluster-wide list rights).")
    boolean allNamespaces;

    @Override
    public Integer call() {
        GlobalOptions g = parent.globals();
        if (allNamespaces && g.namespace() != null) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "-n and -A cannot be used together", "",
                    "Give one namespace with -n, or all with -A."));
        }
        Inventory inventory;
        try (KubeSession session = Sessions.open(g)) {
            inventory = new InventoryReader(session.client())
                    .read(session.context(), allNamespaces ? List.of() : List.of(session.namespace()));
        }
        requireSomethingReadable(inventory, allNamespaces ? "any namespace" : "namespace " + inventory.namespaces());
        PrintWriter out = spec.commandLine().getOut();
        if (g.output() == OutputFormat.json) {
            try {
                out.println(JSON.writeValueAsString(InventoryReport.tree(inventory)));
            } catch (JsonProcessingException e) {
                throw new ProblemException(new Problem(Problem.Kind.INTERNAL, "Cannot write the inventory as JSON",
                        e.getOriginalMessage(), "", e));
            }
        } else {
            out.print(InventoryReport.table(inventory));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Nothing could be read: every served Strimzi kind refused (403), or every kind the server serves failed. Say
     * so with exit 3 instead of printing an empty inventory that looks like an empty namespace.
     */
    static void requireSomethingReadable(Inventory inventory, String where) {
        List<KindStatus> strimzi = inventory.kinds().values().stream()
                .filter(k -> k.kind().group().equals("kafka.strimzi.io") && k.state() != KindStatus.State.NOT_SERVED)
                .toList();
        if (!strimzi.isEmpty() && strimzi.stream().allMatch(k -> k.state() == KindStatus.State.FORBIDDEN)) {
            throw new ProblemException(Problem.of(Problem.Kind.FORBIDDEN,
                    "You may not list Strimzi resources in " + where, strimzi.getFirst().message(),
                    "Ask for get/list/watch on kafka.strimzi.io resources, or pick another namespace with -n."));
        }
        List<KindStatus> served = inventory.kinds().values().stream()
                .filter(k -> k.state() != KindStatus.State.NOT_SERVED).toList();
        List<KindStatus> failed = served.stream().filter(k -> k.state() == KindStatus.State.FORBIDDEN
                || k.state() == KindStatus.State.ERROR).toList();
        if (!served.isEmpty() && failed.size() == served.size()) {
            KindStatus first = failed.getFirst();
            throw new ProblemException(Problem.of(failed.stream().allMatch(k -> k.state()
                            == KindStatus.State.FORBIDDEN) ? Problem.Kind.FORBIDDEN : Problem.Kind.CONNECTION,
                    "Every read failed in " + where + " (" + failed.size() + " kinds)",
                    first.kind().kind() + ": " + first.message(),
                    "Check the API server's health and your rights (mirrorscope rbac), then run again."));
        }
    }
}
