package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.testkit.TestCa;
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
}
