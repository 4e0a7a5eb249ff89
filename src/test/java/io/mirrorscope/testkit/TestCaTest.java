package io.mirrorscope.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestCaTest {

    private final TestCa ca = TestCa.clusterCa("europe-cluster");

    @Test
    void serverCertificateCarriesTheNamesAndChainsToTheCa() throws Exception {
        TestCa.IssuedCert cert = ca.issueServer(List.of("europe-cluster-kafka-bootstrap", "127.0.0.1"));

        X509Certificate leaf = cert.certificate();
        leaf.verify(ca.certificate().getPublicKey());
        assertThat(leaf.getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1))))
                .containsExactly("europe-cluster-kafka-bootstrap", "127.0.0.1");
        assertThat(ca.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.certificate().getSubjectX500Principal().getName()).contains("CN=cluster-ca v0", "O=io.strimzi");
    }

    @Test
    void userSecretDataIsShapedLikeStrimzis() throws Exception {
        TestCa.IssuedCert user = ca.issueUser("my-europe-user");
        Map<String, byte[]> data = user.strimziUserSecretData("s3cret-pass12");

        assertThat(data).containsOnlyKeys("ca.crt", "user.crt", "user.key", "user.p12", "user.password");
        assertThat(new String(data.get("user.key"), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(user.privateKeyPkcs8Pem()).startsWith("-----BEGIN PRIVATE KEY-----");
        X509Certificate crt = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(data.get("user.crt")));
        assertThat(crt.getSubjectX500Principal().getName()).isEqualTo("CN=my-europe-user");
        X509Certificate caCrt = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(data.get("ca.crt")));
        assertThat(caCrt).isEqualTo(ca.certificate());

        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(new ByteArrayInputStream(data.get("user.p12")), "s3cret-pass12".toCharArray());
        assertThat(p12.getKey("user", "s3cret-pass12".toCharArray())).isEqualTo(user.privateKey());
        assertThat(p12.getCertificate("user")).isEqualTo(crt);
    }
}
