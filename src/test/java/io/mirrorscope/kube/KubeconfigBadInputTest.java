package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.testkit.TestCa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad kubeconfig input: each case is one clear Problem naming the file or entry, never a stack trace. */
class KubeconfigBadInputTest {

    @TempDir
    Path dir;

    private Problem problemOpening(Path kubeconfig, String context) {
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> KubeSession.open(Kubeconfig.load(kubeconfig, null, dir), context, null));
        assertThat(e).as("a ProblemException").isNotNull();
        assertThat(e.problem().oneLine()).doesNotContain("\n").doesNotContain("Exception");
        return e.problem();
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void emptyFile() throws Exception {
        Path file = write("config", "");
        Problem p = problemOpening(file, null);
        assertThat(p.kind()).isEqualTo(Problem.Kind.USAGE);
        assertThat(p.oneLine()).isEqualTo("No current context in the kubeconfig: read " + file + " (empty) — log in "
                + "first (e.g. `oc login` or `kubectl config set-context`)");
    }

    @Test
    void yamlSyntaxError() throws Exception {
        Path file = write("config", "apiVersion: v1\ncontexts:\n- name: a\n  context: {cluster: x\n");
        Problem p = problemOpening(file, null);
        assertThat(p.kind()).isEqualTo(Problem.Kind.USAGE);
        assertThat(p.title()).isEqualTo("Cannot read kubeconfig " + file);
        assertThat(p.detail()).startsWith("YAML syntax error at line ");
    }

    @Test
    void notAMapping() throws Exception {
        Path file = write("config", "- just\n- a list\n");
        assertThat(problemOpening(file, null).oneLine()).isEqualTo("Cannot read kubeconfig " + file
                + ": the top level is not a YAML mapping"
                + " — a kubeconfig starts with 'apiVersion: v1' and 'kind: Config'");
    }

    @Test
    void explicitFileMissing() {
        Path file = dir.resolve("nope.yaml");
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> Kubeconfig.load(file, null, dir));
        assertThat(e.problem().oneLine()).isEqualTo("Cannot read kubeconfig " + file + ": the file does not exist — "
                + "check the --kubeconfig path");
    }

    @Test
    void invalidFileInTheKubeconfigListIsNamed() throws Exception {
        Path good = write("good", "apiVersion: v1\nkind: Config\n");
        Path bad = write("bad", "clusters: {a: b}\n");
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> Kubeconfig.merge(List.of(good, dir.resolve("missing"), bad), false));
        assertThat(e.problem().oneLine()).isEqualTo("Cannot read kubeconfig " + bad + ": 'clusters' is not a list");
    }

    @Test
    void contextNamingAMissingCluster() throws Exception {
        Path file = write("config", """
                apiVersion: v1
                kind: Config
                current-context: prod
                contexts:
                - name: prod
                  context: {cluster: gone, user: u}
                users:
                - name: u
                  user: {token: t}
                """);
        Problem p = problemOpening(file, null);
        assertThat(p.oneLine()).isEqualTo("Context 'prod' names cluster 'gone', which no kubeconfig file defines: "
                + "context from " + file + "; read " + file + " — add the cluster or fix the context");
    }

    @Test
    void unknownContext() throws Exception {
        Path file = write("config", "apiVersion: v1\ncontexts:\n- name: a\n  context: {cluster: c}\n");
        Problem p = problemOpening(file, "b");
        assertThat(p.kind().exitCode()).isEqualTo(4);
        assertThat(p.oneLine()).isEqualTo("Context 'b' not found in the kubeconfig: read " + file
                + " — known contexts: a");
    }

    @Test
    void execCommandNotFoundShowsTheInstallHint() throws Exception {
        Path file = write("config", """
                apiVersion: v1
                kind: Config
                current-context: eks
                clusters:
                - name: c
                  cluster: {server: "https://example.test"}
                contexts:
                - name: eks
                  context: {cluster: c, user: u}
                users:
                - name: u
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: bin/aws-iam-authenticator
                      installHint: "Get it from https://github.com/kubernetes-sigs/aws-iam-authenticator"
                """);
        Problem p = problemOpening(file, null);
        assertThat(p.oneLine()).isEqualTo("Exec credential plugin '" + dir.resolve("bin/aws-iam-authenticator")
                + "' not found for context eks (user u): no executable file at "
                + dir.resolve("bin/aws-iam-authenticator")
                + " — Get it from https://github.com/kubernetes-sigs/aws-iam-authenticator");
    }

    @Test
    void execV1WithoutInteractiveModeIsRefusedLikeKubectl() throws Exception {
        Path file = write("config", """
                current-context: x
                clusters: [{name: c, cluster: {server: "https://example.test"}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: sh}}}]
                """);
        assertThat(problemOpening(file, null).title()).isEqualTo(
                "interactiveMode must be specified for user u to use exec authentication plugin sh");
    }

    @Test
    void unreadableCertificateFiles() throws Exception {
        String template = """
                current-context: x
                clusters: [{name: c, cluster: {server: "https://example.test", certificate-authority: %s}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                users: [{name: u, user: {token: t}}]
                """;
        Path missing = write("missing-ca", template.formatted("certs/ca.crt"));
        assertThat(problemOpening(missing, null).oneLine()).isEqualTo("Cannot read the certificate-authority of "
                + "cluster c: " + dir.resolve("certs/ca.crt") + ": no such file — fix the kubeconfig (kubectl would "
                + "fail the same way)");
        Files.createDirectories(dir.resolve("adir"));
        Path directory = write("dir-ca", template.formatted("adir"));
        assertThat(problemOpening(directory, null).detail()).isEqualTo(dir.resolve("adir") + ": is a directory");
        write("garbage.crt", "not a certificate");
        Path garbage = write("garbage-ca", template.formatted("garbage.crt"));
        assertThat(problemOpening(garbage, null).oneLine()).startsWith("Cannot read the certificate in "
                + "certificate-authority " + dir.resolve("garbage.crt") + ": no PEM CERTIFICATE block found");
    }

    @Test
    void clientKeyWithoutCertificate() throws Exception {
        write("k.pem", TestCa.create("test-ca", "kubernetes").issueUser("x").privateKeyPkcs1Pem());
        Path file = write("config", """
                current-context: x
                clusters: [{name: c, cluster: {server: "https://example.test"}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                users: [{name: u, user: {client-key: k.pem}}]
                """);
        assertThat(problemOpening(file, null).title()).isEqualTo("User u has a client key but no certificate");
    }

    @Test
    void tooLargeIsRefusedBeforeParsing() throws Exception {
        Path file = dir.resolve("huge");
        // One huge scalar: the YAML parser would spend minutes on it; the size check answers at once.
        try (var out = Files.newOutputStream(file)) {
            out.write("apiVersion: v1\nkind: Config\npreferences: {x: \"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < (int) (Kubeconfig.MAX_BYTES >> 16) + 1; i++) {
                out.write(chunk);
            }
        }
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> Kubeconfig.load(file, null, dir));
        assertThat(e.problem().kind()).isEqualTo(Problem.Kind.USAGE);
        assertThat(e.problem().oneLine()).isEqualTo("Cannot read kubeconfig " + file + ": the file is 16.1 MiB; a "
                + "kubeconfig may be at most 16 MiB — point --kubeconfig or KUBECONFIG at the kubeconfig itself "
                + "(they are a few KiB, even with hundreds of contexts)");
    }

    @Test
    void oneHugeLineIsRefusedBeforeParsing() throws Exception {
        // Under the file limit, but the parser's time grows with the square of a line's length.
        Path file = write("config", "apiVersion: v1\nkind: Config\npreferences: {x: \""
                + "a".repeat(Kubeconfig.MAX_LINE_CHARS) + "\"}\n");
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> Kubeconfig.load(file, null, dir));
        assertThat(e.problem().oneLine()).isEqualTo("Cannot read kubeconfig " + file + ": line 3 is longer than 1 Mi "
                + "characters, which no kubeconfig needs (certificate data and tokens are a few KiB) — point "
                + "--kubeconfig or KUBECONFIG at the kubeconfig itself");
    }

    @Test
    void largeButAllowedFileWithManyContextsLoads() throws Exception {
        // SnakeYAML refuses documents over 3 MB unless told otherwise; a big (generated) kubeconfig is still one.
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Config\ncurrent-context: c0\ncontexts:\n");
        String padding = "x".repeat(4000);
        for (int i = 0; i < 1200; i++) {
            yaml.append("- name: c").append(i).append("\n  context: {cluster: k, user: u, namespace: n")
                    .append(padding).append("}\n");
        }
        Path file = write("big", yaml.toString());
        assertThat(Files.size(file)).isGreaterThan(4L << 20).isLessThan(Kubeconfig.MAX_BYTES);
        assertThat(Kubeconfig.load(file, null, dir).contexts()).hasSize(1200);
    }

    @Test
    void binaryFileSaysSoInsteadOfInputLength() throws Exception {
        Path file = dir.resolve("config.gz");
        Files.write(file, new byte[] {0x1f, (byte) 0x8b, 0x08, 0x00, (byte) 0xc3, 0x28, (byte) 0xff, 0x00});
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> Kubeconfig.load(file, null, dir));
        assertThat(e.problem().oneLine()).isEqualTo("Cannot read kubeconfig " + file + ": the file is not UTF-8 "
                + "text (a binary file, or a text saved in another encoding) — point --kubeconfig or KUBECONFIG at a "
                + "kubeconfig YAML file, or save it as UTF-8");
    }

    @Test
    void controlCharactersAreNamedWithTheirPlace() throws Exception {
        Path file = write("config", "apiVersion: v1\nkind: Con\u0000fig\n");
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> Kubeconfig.load(file, null, dir));
        assertThat(e.problem().detail()).isEqualTo("the file holds a control character (the character U+0000 "
                + "NULL) at line 2, column 10; it is not a YAML text file");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> yamlErrors() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("tab indentation",
                        "apiVersion: v1\ncontexts:\n\t- name: a\n",
                        "YAML syntax error at line 3, column 1: a tab; YAML indents with spaces only"),
                org.junit.jupiter.params.provider.Arguments.of("unclosed flow mapping",
                        "contexts:\n- name: a\n  context: {cluster: x\n",
                        "YAML syntax error at line 4, column 1: a '{' that is not closed with '}'"),
                org.junit.jupiter.params.provider.Arguments.of("colon in a plain value",
                        "apiVersion: v1\nkind: Config: x\n",
                        "YAML syntax error at line 2, column 13: a ':' where none may be (indent the line under "
                                + "its key, or quote a value that holds ': ')"),
                org.junit.jupiter.params.provider.Arguments.of("unclosed quote",
                        "apiVersion: \"v1\nkind: Config\n",
                        "YAML syntax error at line 3, column 1: the file ends inside a quoted value (a missing "
                                + "closing quote)"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("yamlErrors")
    void yamlErrorsSayWhereAndWhatInPlainWords(String name, String text, String detail) throws Exception {
        Path file = write("config", text);
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> Kubeconfig.load(file, null, dir));
        assertThat(e.problem().title()).isEqualTo("Cannot read kubeconfig " + file);
        assertThat(e.problem().detail()).isEqualTo(detail);
        assertThat(e.problem().hint()).isEqualTo("fix the file there (kubectl config view shows the same error)");
    }
}
