package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mirrorscope.core.ProblemException;
import io.mirrorscope.kafka.PemMaterial;
import io.mirrorscope.testkit.TestCa;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.stream.Stream;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one PEM reader, for the API server's client certificate and for Kafka's ({@code records --key}, Strimzi's
 * user.key) alike: every key format openssl writes reads to the same key on both sides, and an encrypted key is
 * refused with a message that says so.
 */
class PemTest {

    private static final TestCa PKI = TestCa.create("pem-test-ca", "pem-test");
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    static Stream<Arguments> keys() {
        TestCa.IssuedCert rsa = PKI.issueUser("rsa");
        TestCa.IssuedCert ec = PKI.issueEcUser("ec");
        return Stream.of(
                Arguments.of("RSA PKCS#1", rsa.privateKeyPkcs1Pem(), "BEGIN RSA PRIVATE KEY", rsa.privateKey()),
                Arguments.of("RSA PKCS#8", rsa.privateKeyPkcs8Pem(), "BEGIN PRIVATE KEY", rsa.privateKey()),
                Arguments.of("EC SEC1", ec.privateKeyPkcs1Pem(), "BEGIN EC PRIVATE KEY", ec.privateKey()),
                Arguments.of("EC PKCS#8", ec.privateKeyPkcs8Pem(), "BEGIN PRIVATE KEY", ec.privateKey()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void everyFormatReadsToTheSameKeyForTheApiServerAndForKafka(String name, String pem, String header,
                                                                  PrivateKey expected) throws Exception {
        assertThat(pem).contains(header);
        PrivateKey forApiServer = Pem.privateKey(pem.getBytes(StandardCharsets.US_ASCII));
        assertThat(forApiServer.getAlgorithm()).isEqualTo(expected.getAlgorithm());
        assertThat(forApiServer).isEqualTo(java.security.KeyFactory.getInstance(expected.getAlgorithm())
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(expected.getEncoded())));

        String forKafka = PemMaterial.toPkcs8Pem(pem, "user.key");
        assertThat(forKafka).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Pem.blocks(forKafka.getBytes(StandardCharsets.US_ASCII)).getFirst().der())
                .isEqualTo(forApiServer.getEncoded());
    }

    static Stream<Arguments> encrypted() throws Exception {
        PrivateKey key = PKI.issueUser("enc").privateKey();
        StringWriter pkcs8 = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pkcs8)) {
            w.writeObject(new JcaPKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(BC).setPassword("pw".toCharArray()).build()));
        }
        StringWriter traditional = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(traditional)) {
            w.writeObject(key, new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build("pw".toCharArray()));
        }
        return Stream.of(Arguments.of("PKCS#8 encrypted", pkcs8.toString()),
                Arguments.of("OpenSSL traditional encrypted", traditional.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encrypted")
    void encryptedKeysAreRefusedBySaying(String name, String pem) {
        assertThat(pem).containsAnyOf("ENCRYPTED PRIVATE KEY", "Proc-Type: 4,ENCRYPTED");
        assertThatThrownBy(() -> Pem.privateKey(pem.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(GeneralSecurityException.class)
                .hasMessage("the private key is encrypted; MirrorScope reads unencrypted keys only (decrypt it with: "
                        + "openssl pkey -in KEY -out KEY.plain)");
        assertThatThrownBy(() -> PemMaterial.toPkcs8Pem(pem, "my.key"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().oneLine()).isEqualTo(
                        "The key in my.key is encrypted — Give an unencrypted key (openssl pkey -in KEY -out "
                                + "KEY.plain)"));
    }
}
