package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.mirrorscope.core.Problem;
import io.mirrorscope.testkit.TestCa;
import io.mirrorscope.testsupport.OracleTools;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Client-certificate authentication end to end. The fabric8 mock server (Vert.x) offers no way to require client
 * certificates, so this uses the JDK's HTTPS server with {@code needClientAuth}: it answers the namespace list with
 * one namespace named after the certificate's CN, so each test sees which certificate was presented. kubectl, given
 * the same kubeconfig, is the oracle for what the server answers.
 */
@Tag("oracle")
class ClientCertificateTlsTest {

    private static final String SERVER_NAME = "api.internal";
    private static TestCa pki;
    private static HttpsServer server;
    private static final List<String> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        pki = TestCa.create("test-ca", "kubernetes");
        TestCa.IssuedCert serverCert = pki.issueServer(List.of(SERVER_NAME, "localhost"));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", serverCert.privateKey(), new char[0],
                new X509Certificate[] {serverCert.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", pki.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl) {
            @Override
            public void configure(HttpsParameters params) {
                var p = ssl.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext("/", exchange -> {
            HttpsExchange https = (HttpsExchange) exchange;
            String cn;
            try {
                X509Certificate peer = (X509Certificate) https.getSSLSession().getPeerCertificates()[0];
                cn = peer.getSubjectX500Principal().getName().replace("CN=", "");
            } catch (SSLPeerUnverifiedException e) {
                cn = "anonymous";
            }
            SEEN.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + cn);
            byte[] body = ("{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[{\"metadata\":"
                    + "{\"name\":\"cn-" + cn + "\"}}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private String url(String host) {
        return "https://" + host + ":" + server.getAddress().getPort();
    }

    private Path kubeconfig(String host, String clusterExtra, String userYaml) throws IOException {
        Files.writeString(dir.resolve("ca.crt"), pki.certificatePem());
        String yaml = """
                apiVersion: v1
                kind: Config
                current-context: cert
                clusters:
                - name: c
                  cluster:
                    server: %s
                    certificate-authority: ca.crt
                %s
                contexts:
                - name: cert
                  context: {cluster: c, user: u}
                users:
                - name: u
                  user:
                %s
                """.formatted(url(host), clusterExtra.indent(4).stripTrailing(), userYaml.indent(4).stripTrailing());
        Path file = dir.resolve("config");
        Files.writeString(file, yaml);
        return file;
    }

    private static List<String> namespaces(Path kubeconfig) {
        try (KubeSession session = KubeSession.open(Kubeconfig.load(kubeconfig, null, null), null, null)) {
            return session.client().namespaces().list().getItems().stream().map(n -> n.getMetadata().getName())
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0} key, {1}, {2}")
    @CsvSource({"RSA, traditional, file", "RSA, pkcs8, data", "EC, traditional, file", "EC, pkcs8, data",
        "EC, traditional, data", "RSA, pkcs8, file"})
    void clientCertificateKeyFormats(String algorithm, String format, String where) throws Exception {
        String user = "user-" + algorithm.toLowerCase() + "-" + format + "-" + where;
        TestCa.IssuedCert client = algorithm.equals("EC") ? pki.issueEcUser(user) : pki.issueUser(user);
        String keyPem = format.equals("pkcs8") ? client.privateKeyPkcs8Pem() : client.privateKeyPkcs1Pem();
        assertThat(keyPem).startsWith(format.equals("pkcs8") ? "-----BEGIN PRIVATE KEY-----"
                : algorithm.equals("EC") ? "-----BEGIN EC PRIVATE KEY-----" : "-----BEGIN RSA PRIVATE KEY-----");
        String userYaml;
        if (where.equals("file")) {
            Files.writeString(dir.resolve("client.crt"), client.certificatePem());
            Files.writeString(dir.resolve("client.key"), keyPem);
            userYaml = "client-certificate: client.crt\nclient-key: client.key";
        } else {
            userYaml = "client-certificate-data: " + b64(client.certificatePem()) + "\nclient-key-data: " + b64(keyPem);
        }
        Path kc = kubeconfig("localhost", "", userYaml);
        assertThat(namespaces(kc)).containsExactly("cn-" + user);
        assertThat(kubectlNamespaces(kc)).as("kubectl, same kubeconfig").containsExactly("cn-" + user);
    }

    @Test
    void execPluginIssuingAClientCertificate() throws Exception {
        TestCa.IssuedCert client = pki.issueEcUser("from-exec");
        Files.writeString(dir.resolve("cred.json"), "{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"kind\":\"ExecCredential\",\"status\":{\"clientCertificateData\":" + json(client.certificatePem())
                + ",\"clientKeyData\":" + json(client.privateKeyPkcs1Pem()) + "}}");
        Path script = dir.resolve("cert-plugin");
        Files.writeString(script, "#!/bin/sh\ncat \"$(dirname \"$0\")/cred.json\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path kc = kubeconfig("localhost", "", """
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./cert-plugin
                  interactiveMode: Never
                """);
        assertThat(namespaces(kc)).containsExactly("cn-from-exec");
        assertThat(kubectlNamespaces(kc)).containsExactly("cn-from-exec");
    }

    @Test
    void tlsServerNameIsTheNameCheckedInTheServerCertificate() throws Exception {
        TestCa.IssuedCert client = pki.issueUser("named");
        String user = "client-certificate-data: " + b64(client.certificatePem()) + "\nclient-key-data: "
                + b64(client.privateKeyPkcs8Pem());
        // the certificate names api.internal and localhost, not 127.0.0.1
        Path without = kubeconfig("127.0.0.1", "", user);
        try (KubeSession session = KubeSession.open(Kubeconfig.load(without, null, null), null, null)) {
            Problem p;
            try {
                session.client().namespaces().list();
                throw new AssertionError("expected a TLS failure");
            } catch (RuntimeException e) {
                p = session.problem(e);
            }
            assertThat(p.title()).isEqualTo("TLS handshake with " + url("127.0.0.1") + " failed");
        }
        assertThat(kubectlNamespaces(without)).as("kubectl fails the same way").isNull();
        Path with = kubeconfig("127.0.0.1", "tls-server-name: " + SERVER_NAME, user);
        assertThat(namespaces(with)).containsExactly("cn-named");
        assertThat(kubectlNamespaces(with)).containsExactly("cn-named");
    }

    @Test
    void insecureSkipsVerification() throws Exception {
        TestCa.IssuedCert client = pki.issueUser("insecure");
        Path kc = kubeconfig("127.0.0.1", "insecure-skip-tls-verify: true", "client-certificate-data: "
                + b64(client.certificatePem()) + "\nclient-key-data: " + b64(client.privateKeyPkcs8Pem()));
        // kubectl refuses a CA together with insecure-skip-tls-verify; MirrorScope honours the insecure flag
        Files.writeString(kc, Files.readString(kc).replace("    certificate-authority: ca.crt\n", ""));
        try (KubeSession session = KubeSession.open(Kubeconfig.load(kc, null, null), null, null)) {
            assertThat(session.insecure()).isTrue();
            assertThat(session.client().namespaces().list().getItems()).hasSize(1);
        }
        assertThat(kubectlNamespaces(kc)).containsExactly("cn-insecure");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String json(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    /** The namespace names kubectl gets with this kubeconfig, or null when kubectl fails. */
    private static List<String> kubectlNamespaces(Path kubeconfig) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(OracleTools.require(OracleTools.KUBECTL).toString(),
                "--kubeconfig", kubeconfig.toString(),
                "get", "--raw", "/api/v1/namespaces").redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return null;
        }
        List<String> names = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(out).path("items")
                .forEach(i -> names.add(i.path("metadata").path("name").asText()));
        return names;
    }
}
