package io.mirrorscope.kafka;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.Redactor;
import io.mirrorscope.kube.Pem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

/**
 * PEM and PKCS#12 material for Kafka's in-memory PEM key and trust stores, read with the one PEM reader
 * ({@link Pem}) the Kubernetes side uses too. Kafka's Java client takes only PKCS#8 keys ({@code BEGIN PRIVATE
 * KEY}); Strimzi writes {@code user.key} as PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) in some versions, and openssl
 * writes EC keys as SEC1, so every key is re-encoded as PKCS#8 in memory. Nothing is written to disk.
 */
public final class PemMaterial {

    private PemMaterial() {
    }

    /**
     * The certificates in a PEM text, re-encoded (only CERTIFICATE blocks, in order). Throws a usage problem when
     * there is none or one does not parse.
     */
    public static List<X509Certificate> certificates(String pem, String source) {
        try {
            return Pem.certificates((pem == null ? "" : pem).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("no PEM CERTIFICATE")) {
                throw new ProblemException(Problem.of(Problem.Kind.USAGE, "No certificate in " + source, "",
                        "Expect PEM certificates (-----BEGIN CERTIFICATE-----)"));
            }
            throw new ProblemException(new Problem(Problem.Kind.USAGE, "Cannot read the certificates in " + source,
                    e.getMessage(), "Expect PEM certificates (-----BEGIN CERTIFICATE-----)", e));
        }
    }

    /** Certificates as one PEM text. */
    public static String toPem(List<? extends Certificate> certificates) {
        StringBuilder sb = new StringBuilder();
        try {
            for (Certificate c : certificates) {
                sb.append(pem("CERTIFICATE", c.getEncoded()));
            }
        } catch (CertificateException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
        return sb.toString();
    }

    /**
     * The private key in a PEM text (PKCS#8, PKCS#1 RSA or SEC1 EC; see {@link Pem}) as an unencrypted PKCS#8 PEM.
     */
    public static String toPkcs8Pem(String keyPem, String source) {
        String text = keyPem == null ? "" : keyPem;
        try {
            // the converted key is a new text (PKCS#1 in, PKCS#8 out): the Redactor must know it too
            String pkcs8 = pem("PRIVATE KEY", Pem.privateKey(text.getBytes(StandardCharsets.US_ASCII)).getEncoded());
            Redactor.rememberPem(pkcs8);
            return pkcs8;
        } catch (GeneralSecurityException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.startsWith("no PEM private key")) {
                throw new ProblemException(Problem.of(Problem.Kind.USAGE, "No private key in " + source, "",
                        "Expect a PEM key (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY)"));
            }
            if (reason.contains("encrypted")) {
                throw new ProblemException(Problem.of(Problem.Kind.USAGE, "The key in " + source + " is encrypted",
                        "", "Give an unencrypted key (openssl pkey -in KEY -out KEY.plain)"));
            }
            throw new ProblemException(new Problem(Problem.Kind.USAGE, "The private key in " + source
                    + " cannot be read", "not an RSA, EC or Ed25519 key", "Give the KafkaUser's user.key", e));
        }
    }

    /** The TLS client identity in a PKCS#12 key store (Strimzi's user.p12 + user.password), as PEM. */
    public static ClientAuth.TlsCertificate fromPkcs12(byte[] p12, char[] password, String source) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(p12), password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    Key key = ks.getKey(alias, password);
                    Certificate[] chain = ks.getCertificateChain(alias);
                    if (key instanceof PrivateKey pk && chain != null && chain.length > 0) {
                        String keyPem = pem("PRIVATE KEY", pk.getEncoded());
                        Redactor.rememberPem(keyPem);
                        return new ClientAuth.TlsCertificate(toPem(List.of(chain)), keyPem, subject(chain[0]));
                    }
                }
            }
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "No key entry in " + source, "",
                    "Expect a PKCS#12 key store with the user's key and certificate"));
        } catch (java.io.IOException e) {
            throw new ProblemException(new Problem(Problem.Kind.USAGE, "Cannot open " + source,
                    "wrong password or not a PKCS#12 key store", "Check user.password", e));
        } catch (GeneralSecurityException e) {
            throw new ProblemException(new Problem(Problem.Kind.USAGE, "Cannot read " + source, e.getMessage(), "",
                    e));
        }
    }

    /** The subject of the first certificate in a PEM chain, for messages ("CN=alice"). */
    public static String subject(String chainPem, String source) {
        return subject(certificates(chainPem, source).getFirst());
    }

    private static String subject(Certificate c) {
        return c instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : c.getType();
    }

    static String pem(String label, byte[] der) {
        return Pem.pem(label, der);
    }
}
