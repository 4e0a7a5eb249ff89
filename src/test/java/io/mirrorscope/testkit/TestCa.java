package io.mirrorscope.testkit;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for tests, shaped like Strimzi's: a self-signed CA
 * ({@code O=io.strimzi, CN=<cluster>-cluster-ca v0} for a cluster CA, {@code clients-ca} for a clients CA) that issues
 * broker certificates with subject alternative names and user certificates with {@code CN=<user>}.
 *
 * <p>The one test CA of the project (brokers, Kafka users and the Kubernetes API server's TLS tests alike). Keys are
 * RSA 2048 (EC P-256 for {@link #issueEcUser}) and live only in memory; everything is written out as PEM or PKCS#12
 * on demand.
 */
public final class TestCa {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final Duration VALIDITY = Duration.ofDays(365);

    private final X500Name subject;
    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private TestCa(X500Name subject, KeyPair keyPair, X509Certificate certificate) {
        this.subject = subject;
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** A cluster CA as Strimzi names it: {@code O=io.strimzi, CN=cluster-ca v0}. */
    public static TestCa clusterCa(String clusterName) {
        return create("cluster-ca v0", clusterName);
    }

    /** A clients CA as Strimzi names it: {@code O=io.strimzi, CN=clients-ca v0}. */
    public static TestCa clientsCa(String clusterName) {
        return create("clients-ca v0", clusterName);
    }

    /** A self-signed CA with the given common name; {@code clusterName} only ends up in the OU for tracing. */
    public static TestCa create(String commonName, String clusterName) {
        try {
            KeyPair keys = newKeyPair();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "io.strimzi")
                    .addRDN(BCStyle.OU, clusterName)
                    .addRDN(BCStyle.CN, commonName)
                    .build();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(name, name, keys);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new TestCa(name, keys, sign(builder, keys.getPrivate()));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create test CA " + commonName, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA certificate as PEM (the {@code ca.crt} of a Strimzi secret). */
    public String certificatePem() {
        return pem(certificate);
    }

    /** The CA certificate as a PKCS#12 trust store (the {@code ca.p12} of a Strimzi secret). */
    public byte[] truststoreP12(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca.crt", certificate);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write CA trust store", e);
        }
    }

    /**
     * Issues a server certificate. Each entry of {@code names} becomes a DNS SAN, or an IP SAN when it is a literal
     * address; the first one is also the CN.
     */
    public IssuedCert issueServer(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one name");
        }
        List<GeneralName> sans = new ArrayList<>();
        for (String name : names) {
            sans.add(isIpLiteral(name) ? new GeneralName(GeneralName.iPAddress, name)
                    : new GeneralName(GeneralName.dNSName, name));
        }
        X500Name dn = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "io.strimzi").addRDN(BCStyle.CN, names.getFirst()).build();
        return issue(dn, sans, new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth},
                false);
    }

    /** Issues a user (client) certificate with subject {@code CN=<user>}, as Strimzi's User Operator does. */
    public IssuedCert issueUser(String user) {
        X500Name dn = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, user).build();
        return issue(dn, List.of(), new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}, false, null, null);
    }

    /** A user certificate valid only from {@code notBefore} to {@code notAfter} (e.g. one that expired). */
    public IssuedCert issueUser(String user, Instant notBefore, Instant notAfter) {
        X500Name dn = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, user).build();
        return issue(dn, List.of(), new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}, false, notBefore, notAfter);
    }

    /**
     * Issues a client certificate for {@code CN=<user>} with an EC P-256 key (what kubeadm, EKS and openssl
     * {@code ecparam} users hand out); its {@link IssuedCert#privateKeyPkcs1Pem()} is then SEC1
     * ({@code BEGIN EC PRIVATE KEY}, the curve named inside, as openssl writes it).
     */
    public IssuedCert issueEcUser(String user) {
        X500Name dn = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, user).build();
        return issue(dn, List.of(), new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}, true, null, null);
    }

    private IssuedCert issue(X500Name dn, List<GeneralName> sans, KeyPurposeId[] purposes, boolean ec) {
        return issue(dn, sans, purposes, ec, null, null);
    }

    private IssuedCert issue(X500Name dn, List<GeneralName> sans, KeyPurposeId[] purposes, boolean ec,
            Instant notBefore, Instant notAfter) {
        try {
            KeyPair keys = ec ? newEcKeyPair() : newKeyPair();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = notBefore == null ? builder(subject, dn, keys)
                    : new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(SERIAL.incrementAndGet()),
                            Date.from(notBefore), Date.from(notAfter), dn, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ec ? KeyUsage.digitalSignature
                    : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(certificate));
            if (!sans.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            return new IssuedCert(sign(builder, keyPair.getPrivate()), keys.getPrivate(), certificate);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue certificate for " + dn, e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(signer);
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static KeyPair newEcKeyPair() throws GeneralSecurityException {
        // BouncyCastle's EC keys keep the named curve inside the SEC1 structure, as openssl writes it
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC",
                new org.bouncycastle.jce.provider.BouncyCastleProvider());
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static boolean isIpLiteral(String name) {
        if (!name.matches("[0-9.]+") && !name.contains(":")) {
            return false;
        }
        try {
            InetAddress.getByName(name);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** A random password like Strimzi's {@code user.password} (12 alphanumerics). */
    public static String randomPassword() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /**
     * A certificate issued by a {@link TestCa} with its private key.
     *
     * @param certificate the leaf certificate
     * @param privateKey its private key (RSA, or EC from {@link TestCa#issueEcUser})
     * @param issuer the CA certificate that signed it
     */
    public record IssuedCert(X509Certificate certificate, PrivateKey privateKey, X509Certificate issuer) {

        /** The leaf certificate as PEM ({@code user.crt}). */
        public String certificatePem() {
            return pem(certificate);
        }

        /** The leaf followed by the CA, for a PEM key store's certificate chain. */
        public String chainPem() {
            return pem(certificate) + pem(issuer);
        }

        /**
         * The private key in openssl's "traditional" PEM: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) like Strimzi's
         * {@code user.key}, or SEC1 ({@code BEGIN EC PRIVATE KEY}) for a key from {@link TestCa#issueEcUser}.
         */
        public String privateKeyPkcs1Pem() {
            return pem(privateKey);
        }

        /** The private key as unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), what Kafka's PEM key store reads. */
        public String privateKeyPkcs8Pem() {
            try {
                return pem(new JcaPKCS8Generator(privateKey, null).generate());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The issuer as PEM ({@code ca.crt}). */
        public String issuerPem() {
            return pem(issuer);
        }

        /** A PKCS#12 key store with the key and the chain under alias {@code user} (Strimzi's {@code user.p12}). */
        public byte[] keystoreP12(char[] password) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("user", privateKey, password, new Certificate[] {certificate, issuer});
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                store.store(out, password);
                return out.toByteArray();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot write PKCS#12 key store", e);
            }
        }

        /**
         * The data of a Strimzi KafkaUser secret for TLS authentication: {@code ca.crt}, {@code user.crt},
         * {@code user.key} (PKCS#1), {@code user.p12}, {@code user.password}. Values are raw bytes (not base64).
         */
        public Map<String, byte[]> strimziUserSecretData(String password) {
            Map<String, byte[]> data = new LinkedHashMap<>();
            data.put("ca.crt", issuerPem().getBytes(US_ASCII));
            data.put("user.crt", certificatePem().getBytes(US_ASCII));
            data.put("user.key", privateKeyPkcs1Pem().getBytes(US_ASCII));
            data.put("user.p12", keystoreP12(password.toCharArray()));
            data.put("user.password", password.getBytes(US_ASCII));
            return data;
        }

        /** Hex SHA-256 of the certificate, handy in test messages. */
        public String fingerprint() {
            try {
                return HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
