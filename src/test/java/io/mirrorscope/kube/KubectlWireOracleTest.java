package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.testsupport.OracleTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kubectl as the oracle on the wire: with the same kubeconfig (relative tokenFile, relative exec command v1 and
 * v1beta1 with env, basic auth, token), kubectl and MirrorScope must send the mock API server the same
 * Authorization header.
 */
@Tag("oracle")
class KubectlWireOracleTest {

    private static MockApiServer api;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        api = new MockApiServer();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.seen.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "tokenFile: ../tokens/t",
        "exec:\n  apiVersion: client.authentication.k8s.io/v1\n  command: ../bin/plugin\n  interactiveMode: Never",
        "exec:\n  apiVersion: client.authentication.k8s.io/v1beta1\n  command: ../bin/plugin\n  env:\n"
                + "  - name: TOKEN_SUFFIX\n    value: from-env",
        "username: gina\npassword: pw",
        "token: plain"})
    void sameAuthorizationAsKubectl(String userYaml) throws Exception {
        Files.createDirectories(dir.resolve("tokens"));
        Files.writeString(dir.resolve("tokens/t"), "file-token\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path plugin = bin.resolve("plugin");
        Files.writeString(plugin, """
                #!/bin/sh
                echo '{"apiVersion":"'"${API:-client.authentication.k8s.io/v1}"'","kind":"ExecCredential",\
                "status":{"token":"exec-token-'"$TOKEN_SUFFIX"'"}}'
                """);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        String yaml = userYaml.contains("v1beta1") ? userYaml + "\n  - name: API\n    value: "
                + "client.authentication.k8s.io/v1beta1" : userYaml;
        Path kubeconfig = api.kubeconfig(Files.createDirectories(dir.resolve("conf")), "wire", "kafka", yaml);
        // Go refuses the mock's CN-only self-signed certificate ("relies on legacy Common Name field"); this test
        // is about credentials, so both clients skip verification (kubectl still sends tokens then)
        Files.writeString(kubeconfig, Files.readString(kubeconfig).replace(
                "certificate-authority: " + api.certificate(), "insecure-skip-tls-verify: true"));

        ProcessBuilder pb = new ProcessBuilder(OracleTools.require(OracleTools.KUBECTL).toString(),
                "--kubeconfig", kubeconfig.toString(), "get",
                "--raw", "/api/v1/namespaces").redirectErrorStream(true);
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("kubectl: " + out).isZero();
        List<String> kubectlSent = api.seen.stream().map(MockApiServer.Seen::authorization).toList();
        api.seen.clear();

        try (KubeSession session = KubeSession.open(Kubeconfig.load(kubeconfig, null, dir), null, null)) {
            session.client().namespaces().list();
        }
        List<String> oursSent = api.seen.stream().map(MockApiServer.Seen::authorization).toList();
        assertThat(oursSent).isNotEmpty().containsOnly(kubectlSent.getFirst());
        assertThat(kubectlSent).containsOnly(oursSent.getFirst());
    }
}
