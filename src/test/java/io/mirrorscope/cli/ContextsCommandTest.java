package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mirrorscope.kube.ReadOnlyRbac;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mirrorscope contexts} and {@code mirrorscope rbac} through the real command line. */
class ContextsCommandTest {

    private static final Path FIXTURES = Path.of("src/test/resources/kubeconfig").toAbsolutePath();

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = MirrorScopeCommand.commandLine((options, smoke) -> {
            throw new AssertionError("no GUI in CLI tests");
        });
        if (!cli.getSubcommands().containsKey("rbac")) {
            cli.addSubcommand(new RbacCommand());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void jsonListsTheContextsSortedWithNullNamespaces() throws Exception {
        Run r = run("--kubeconfig", FIXTURES.resolve("sub/c.yaml").toString(), "contexts", "-o", "json");
        assertThat(r.exit()).isZero();
        JsonNode actual = new ObjectMapper().readTree(r.out());
        JsonNode expected = new ObjectMapper().readTree("""
                {"currentContext": "c-ctx",
                 "contexts": [
                   {"name": "c-ctx", "cluster": "c-cluster", "server": "https://c.example.test", "user": "hank",
                    "namespace": null},
                   {"name": "ivan-ctx", "cluster": "c-cluster", "server": "https://c.example.test", "user": "ivan",
                    "namespace": "tools"}]}
                """);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.has("selected")).isFalse();
    }

    @Test
    void selectedContextIsPrinted() throws Exception {
        Run r = run("--kubeconfig", FIXTURES.resolve("merge-b.yaml").toString(), "--context", "gina-ctx",
                "contexts", "-o", "json");
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("selected").asText()).isEqualTo("gina-ctx");
        assertThat(json.get("currentContext").asText()).isEqualTo("b-ctx");
        assertThat(json.get("contexts")).extracting(c -> c.get("name").asText()).containsExactly(
                "b-ctx", "carol-ctx", "dave-ctx", "dup", "erin-ctx", "frank-ctx", "gina-ctx");
    }

    @Test
    void missingSelectedContextExitsFour() {
        Run r = run("--kubeconfig", FIXTURES.resolve("merge-b.yaml").toString(), "contexts", "--context", "nope");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("mirrorscope: Context 'nope' not found in the kubeconfig")
                .contains("known contexts: b-ctx, carol-ctx").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void tableMarksTheCurrentContext() {
        Run r = run("--kubeconfig", FIXTURES.resolve("sub/c.yaml").toString(), "contexts");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "CURRENT   NAME       CLUSTER     SERVER                   USER   NAMESPACE",
                "*         c-ctx      c-cluster   https://c.example.test   hank",
                "          ivan-ctx   c-cluster   https://c.example.test   ivan   tools");
    }

    @Test
    void hostileNamesAreEscapedInTheTableAndKeptInJson(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config");
        // YAML double-quoted escapes give the raw control characters a hostile kubeconfig would carry
        Files.writeString(config, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: "c\\u001b]0;pwned\\u0007"
                  cluster: {server: "https://k.example.test\\u001b[2J"}
                users:
                - name: "u\\u202e"
                  user: {token: t}
                contexts:
                - name: "ctx\\r\\u001b[31mprod"
                  context: {cluster: "c\\u001b]0;pwned\\u0007", user: "u\\u202e", namespace: "ns\\u009b"}
                current-context: "ctx\\r\\u001b[31mprod"
                """);
        Run table = run("--kubeconfig", config.toString(), "contexts");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r")
                .doesNotContain("\u202e").doesNotContain("\u009b")
                .contains("ctx\\r\\e[31mprod", "c\\e]0;pwned\\x07", "https://k.example.test\\e[2J", "u\\u202e",
                        "ns\\u009b");
        Run json = run("--kubeconfig", config.toString(), "contexts", "-o", "json");
        assertThat(json.exit()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("contexts").get(0)
                .get("name").asText()).isEqualTo("ctx\r\u001b[31mprod");
    }

    @Test
    void brokenKubeconfigIsOneLineExitTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("config");
        Files.writeString(bad, "apiVersion: v1\nclusters:\n  - name: x\n   cluster: [\n");
        Run r = run("--kubeconfig", bad.toString(), "contexts");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("mirrorscope: Cannot read kubeconfig " + bad + ": YAML syntax error at "
                + "line").hasLineCount(1).doesNotContain("\tat ");
    }

    @Test
    void rbacPrintsOnlyReadVerbsAndMatchesThePackagedFile() throws Exception {
        Run r = run("rbac", "-n", "kafka");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(ReadOnlyRbac.yaml("kafka")).contains("  namespace: kafka\n");
        assertThat(ReadOnlyRbac.yaml(null))
                .isEqualTo(Files.readString(Path.of("packaging/rbac/mirrorscope-rbac.yaml")));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> kinds = new HashSet<>();
        try (var parser = yaml.createParser(r.out())) {
            for (JsonNode doc : yaml.readValues(parser, JsonNode.class).readAll()) {
                kinds.add(doc.get("kind").asText());
                for (JsonNode rule : doc.get("rules")) {
                    boolean portForward = rule.get("resources").toString().equals("[\"pods/portforward\"]");
                    for (JsonNode verb : rule.get("verbs")) {
                        assertThat(verb.asText()).as(rule.toString())
                                .isIn(portForward ? Set.of("get", "create") : Set.of("get", "list", "watch"));
                    }
                }
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder("ClusterRole", "Role");
    }
}
