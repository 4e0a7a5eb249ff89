package io.mirrorscope.kube;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away CA issuing server and client certificates, with keys in PKCS#1, SEC1 and PKCS#8 PEM. */
final class TestPki {

    /** A key pair with its certificate. */
    record Issued(KeyPair keys, X509Certificate certificate) {
        String certificatePem() {
            return pem(certificate);
        }

        /** PKCS#1 for RSA, SEC1 for EC (what openssl and Strimzi write as "traditional" keys). */
        String traditionalKeyPem() {
            return pem(keys.getPrivate());
        }

        String pkcs8KeyPem() {
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        }
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Issued ca;

    private TestPki(Issued ca) {
        this.ca = ca;
    }

    static TestPki create() {
        try {
            KeyPair keys = rsa();
            return new TestPki(new Issued(keys, sign("CN=test-ca", keys, "CN=test-ca", keys, true, List.of())));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    String caPem() {
        return ca.certificatePem();
    }

    X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** A server certificate with DNS and IP subject alternative names. */
    Issued server(List<String> dnsNames, List<String> ips) {
        try {
            KeyPair keys = rsa();
            List<GeneralName> names = new java.util.ArrayList<>();
            dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            ips.forEach(n -> names.add(new GeneralName(GeneralName.iPAddress, n)));
            return new Issued(keys, sign("CN=" + dnsNames.getFirst(), keys, "CN=test-ca", ca.keys(), false, names));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client certificate for {@code CN=<user>}, RSA or EC (P-256). */
    Issued client(String user, boolean ec) {
        try {
            KeyPair keys = ec ? ecKeys() : rsa();
            return new Issued(keys, sign("CN=" + user, keys, "CN=test-ca", ca.keys(), false, List.of()));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        // BouncyCastle's EC keys keep the named curve inside the SEC1 structure, as openssl writes it
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC",
                new org.bouncycastle.jce.provider.BouncyCastleProvider());
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                                        boolean isCa, List<GeneralName> sans)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(1, ChronoUnit.DAYS)),
                new X500Name(subject), subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (!sans.isEmpty()) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(sans.toArray(GeneralName[]::new)));
        }
        String alg = issuerKeys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(alg).build(issuerKeys.getPrivate())));
    }

    static String pem(Object o) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
