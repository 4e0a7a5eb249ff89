package io.mirrorscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.kube.Pem;
import io.mirrorscope.kafka.StrimziConnections.Acl;
import io.mirrorscope.kafka.StrimziConnections.Listener;
import io.mirrorscope.kafka.StrimziConnections.User;
import io.mirrorscope.testkit.TestCa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrimziConnectionsTest {

    private static Listener l(String name, String type, boolean tls, String auth) {
        return new Listener(name, type, tls, auth, name + ":9092", List.of());
    }

    @Test
    void externalListenersComeFirstInPreferenceOrderAndTheUserCanPick() {
        List<Listener> listeners = List.of(l("plain", "internal", false, null), l("tls", "internal", true, "tls"),
                l("np", "nodeport", true, "tls"), l("lb", "loadbalancer", true, "scram-sha-512"));
        assertThat(StrimziConnections.pickListener("c", listeners, null).name()).isEqualTo("lb");
        assertThat(StrimziConnections.pickListener("c", listeners.subList(0, 2), null).name()).isEqualTo("plain");
        assertThat(StrimziConnections.pickListener("c", listeners, "tls").name()).isEqualTo("tls");
        assertThatThrownBy(() -> StrimziConnections.pickListener("c", listeners, "nope"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.NOT_FOUND);
                    assertThat(e.problem().hint()).contains("plain", "tls", "np", "lb");
                });
        List<Listener> withRoute = List.of(l("ing", "ingress", true, null), l("route", "route", true, null));
        assertThat(StrimziConnections.pickListener("c", withRoute, null).name()).isEqualTo("route");
    }

    @Test
    void pkcs1KeyIsWrappedIntoTheSamePkcs8AsOpenSslWouldWrite() {
        TestCa.IssuedCert user = TestCa.clientsCa("c").issueUser("u");
        String converted = PemMaterial.toPkcs8Pem(user.privateKeyPkcs1Pem(), "user.key");
        assertThat(converted).startsWith("-----BEGIN PRIVATE KEY-----");
        byte[] expected = Pem.blocks(user.privateKeyPkcs8Pem().getBytes(StandardCharsets.US_ASCII)).getFirst().der();
        assertThat(Pem.blocks(converted.getBytes(StandardCharsets.US_ASCII)).getFirst().der()).isEqualTo(expected);
        assertThat(PemMaterial.toPkcs8Pem(user.privateKeyPkcs8Pem(), "k")).isEqualTo(converted);
    }

    @Test
    void badKeysAndCertificatesAreUsageProblems() {
        assertThatThrownBy(() -> PemMaterial.toPkcs8Pem("nothing here", "my.key"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().title()).isEqualTo("No private key in my.key"));
        String garbage = "-----BEGIN RSA PRIVATE KEY-----\n"
                + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "\n-----END RSA PRIVATE KEY-----\n";
        assertThatThrownBy(() -> PemMaterial.toPkcs8Pem(garbage, "my.key"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().title()).contains("cannot be read"));
        assertThatThrownBy(() -> PemMaterial.certificates("", "ca.crt"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().title()).isEqualTo("No certificate in ca.crt"));
        TestCa.IssuedCert user = TestCa.clientsCa("c").issueUser("u");
        assertThatThrownBy(() -> PemMaterial.fromPkcs12(user.keystoreP12("right".toCharArray()),
                "wrong".toCharArray(), "user.p12"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().detail()).contains("wrong password"));
    }

    @Test
    void userChoiceFollowsListenerAuthenticationAndAcls() {
        Listener tls = l("tls", "internal", true, "tls");
        User writerOnly = new User("writer", "tls", true,
                List.of(new Acl("topic", "orders", "literal", List.of("Write", "Describe"), true)));
        User prefixReader = new User("reader", "tls", true,
                List.of(new Acl("topic", "ord", "prefix", List.of("Read"), true)));
        User scram = new User("scram-all", "scram-sha-512", true,
                List.of(new Acl("topic", "*", "literal", List.of("All"), true)));
        User noAuthz = new User("anyone", "tls", false, List.of());
        List<User> users = List.of(writerOnly, noAuthz, scram, prefixReader);
        assertThat(StrimziConnections.pickUser(users, tls, "orders", null)).map(User::name).hasValue("reader");
        assertThat(StrimziConnections.pickUser(users, tls, "payments", null)).map(User::name).hasValue("anyone");
        assertThat(StrimziConnections.pickUser(users, l("s", "route", true, "scram-sha-512"), "x", null))
                .map(User::name).hasValue("scram-all");
        assertThat(StrimziConnections.pickUser(users, l("p", "internal", false, null), "orders", null)).isEmpty();
        assertThat(StrimziConnections.pickUser(users, tls, "orders", "writer")).map(User::name).hasValue("writer");

        User denied = new User("denied", "tls", true, List.of(
                new Acl("topic", "*", "literal", List.of("All"), true),
                new Acl("topic", "orders", "literal", List.of("Read"), false)));
        assertThat(StrimziConnections.canRead(denied, "orders")).isFalse();
        assertThat(StrimziConnections.canRead(denied, "other")).isTrue();
    }

    @Test
    void plainListenerNeedsNoUserAndUnsupportedAuthIsSaid() {
        assertThat(StrimziConnections.clientAuth(l("p", "internal", false, null), null, null))
                .isInstanceOf(ClientAuth.None.class);
        assertThatThrownBy(() -> StrimziConnections.clientAuth(l("o", "route", true, "oauth"), "u", Map.of()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().title()).contains("oauth"));
        assertThatThrownBy(() -> StrimziConnections.clientAuth(l("s", "route", true, "scram-sha-512"), "u", Map.of()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().title()).contains("no SCRAM password"));
        ClientAuth fromJaas = StrimziConnections.clientAuth(l("s", "route", true, "scram-sha-512"), "u",
                Map.of("sasl.jaas.config", ("org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"bob\" password=\"p\\\"q\";").getBytes(StandardCharsets.UTF_8)));
        assertThat(fromJaas).isInstanceOfSatisfying(ClientAuth.SaslPassword.class, s -> {
            assertThat(s.username()).isEqualTo("bob");
            assertThat(new String(s.password())).isEqualTo("p\"q");
        });
        assertThat(StrimziConnections.decodeSecretData(Map.of("password", "cGFzcw==")).get("password"))
                .isEqualTo("pass".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void manualConnectionReadsFilesAndInfersTheProtocol(@TempDir Path dir) throws Exception {
        TestCa ca = TestCa.clusterCa("m");
        TestCa.IssuedCert user = ca.issueUser("u");
        Path caFile = Files.writeString(dir.resolve("ca.crt"), ca.certificatePem());
        Path cert = Files.writeString(dir.resolve("u.crt"), user.certificatePem());
        Path key = Files.writeString(dir.resolve("u.key"), user.privateKeyPkcs1Pem());
        Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
        ConnectionSettings mtls = new ManualConnection("h:9093", null, caFile, cert, key, null, null, null)
                .toSettings();
        assertThat(mtls.protocol()).isEqualTo(SecurityProtocol.SSL);
        assertThat(mtls.auth()).isInstanceOf(ClientAuth.TlsCertificate.class);
        ConnectionSettings sasl = new ManualConnection("h:9094", null, caFile, null, null, "SCRAM-SHA-512", "bob", pw)
                .toSettings();
        assertThat(sasl.protocol()).isEqualTo(SecurityProtocol.SASL_SSL);
        assertThat(new String(((ClientAuth.SaslPassword) sasl.auth()).password())).isEqualTo("secret");
        assertThat(new ManualConnection("h:9092", null, null, null, null, null, null, null).toSettings().protocol())
                .isEqualTo(SecurityProtocol.PLAINTEXT);
        assertThatThrownBy(() -> new ManualConnection("h:1", null, null, cert, null, null, null, null).toSettings())
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().kind()).isEqualTo(Problem.Kind.USAGE));
        assertThatThrownBy(() -> new ManualConnection("h:1", null, dir.resolve("missing"), null, null, null, null,
                null).toSettings()).isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().title()).startsWith("Cannot read"));
    }
}
