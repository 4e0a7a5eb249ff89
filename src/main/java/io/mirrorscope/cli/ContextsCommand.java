package io.mirrorscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.TerminalText;
import io.mirrorscope.kube.KubeContext;
import io.mirrorscope.kube.Kubeconfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mirrorscope contexts}: the merged kubeconfig's contexts, sorted by name. JSON:
 * {@code {"currentContext": s|null, ["selected": s,] "contexts": [{"name","cluster","server","user","namespace"}]}}.
 * With {@code --context X} it adds {@code "selected"} and exits 4 when X does not exist. Reads files only.
 */
@Command(name = "contexts", mixinStandardHelpOptions = true,
        description = "List the kubeconfig's contexts (merged like kubectl).")
public final class ContextsCommand implements Callable<Integer> {

    @ParentCommand
    MirrorScopeCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GlobalOptions g = parent.globals();
        Kubeconfig kubeconfig = Kubeconfig.load(g.kubeconfig());
        String selected = g.context();
        if (selected != null && !kubeconfig.hasContext(selected)) {
            List<String> names = kubeconfig.contexts().stream().map(KubeContext::name).toList();
            throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND,
                    "Context '" + selected + "' not found in the kubeconfig", kubeconfig.files().isEmpty()
                    ? "no kubeconfig file found" : "read " + String.join(", ", kubeconfig.files().stream()
                    .map(Object::toString).toList()),
                    names.isEmpty() ? "" : "known contexts: " + String.join(", ", names)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (g.output() == OutputFormat.json) {
            out.println(json(kubeconfig, selected));
        } else {
            out.print(table(kubeconfig, selected));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String json(Kubeconfig kubeconfig, String selected) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("currentContext", kubeconfig.currentContext());
        if (selected != null) {
            root.put("selected", selected);
        }
        List<Map<String, Object>> contexts = new ArrayList<>();
        for (KubeContext c : kubeconfig.contexts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("cluster", c.cluster());
            m.put("server", c.server());
            m.put("user", c.user());
            m.put("namespace", c.namespace());
            contexts.add(m);
        }
        root.put("contexts", contexts);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String table(Kubeconfig kubeconfig, String selected) {
        String marked = selected != null ? selected : kubeconfig.currentContext();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CURRENT", "NAME", "CLUSTER", "SERVER", "USER", "NAMESPACE"});
        for (KubeContext c : kubeconfig.contexts()) {
            // kubeconfigs come from anywhere (a colleague, a download): their names reach the terminal escaped
            rows.add(new String[] {c.name().equals(marked) ? "*" : "", TerminalText.escape(c.name()),
                TerminalText.escape(c.cluster()), TerminalText.escape(c.server()), TerminalText.escape(c.user()),
                TerminalText.escape(c.namespace())});
        }
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : "   ").append(String.format("%-" + widths[i] + "s", row[i]));
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
        if (kubeconfig.contexts().isEmpty()) {
            s.append("(no contexts in ").append(kubeconfig.files().isEmpty() ? "any kubeconfig file"
                    : TerminalText.escape(kubeconfig.files().toString())).append(")\n");
        }
        return s.toString();
    }
}
