package io.mirrorscope.kafka;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM and PKCS#12 handling for Kafka's in-memory PEM key and trust stores. Kafka's Java client takes only PKCS#8
 * keys ({@code BEGIN PRIVATE KEY}); Strimzi writes {@code user.key} as PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) in
 * some versions, so this wraps PKCS#1 into PKCS#8 in memory (a PrivateKeyInfo with the rsaEncryption algorithm
 * around the PKCS#1 bytes). Nothing is written to disk.
 */
public final class PemMaterial {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");
    /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemMaterial() {
    }

    /** A PEM block: its label and DER bytes. */
    record Block(String label, byte[] der) {
    }

    static List<Block> blocks(String pem) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem == null ? "" : pem);
        while (m.find()) {
            out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
        }
        return out;
    }

    /**
     * The certificates in a PEM text, re-encoded (only CERTIFICATE blocks, in order). Throws a usage problem when
     * there is none or one does not parse.
     */
    public static List<X509Certificate> certificates(String pem, String source) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Block b : blocks(pem)) {
                if (b.label().equals("CERTIFICATE")) {
                    out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
                }
            }
        } catch (CertificateException e) {
            throw new ProblemException(new Problem(Problem.Kind.USAGE, "Cannot read the certificates in " + source,
                    e.getMessage(), "Expect PEM certificates (-----BEGIN CERTIFICATE-----)", e));
        }
        if (out.isEmpty()) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "No certificate in " + source, "",
                    "Expect PEM certificates (-----BEGIN CERTIFICATE-----)"));
        }
        return out;
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
     * The private key in a PEM text as an unencrypted PKCS#8 PEM: PKCS#8 passes through, PKCS#1 RSA is wrapped.
     * Checks that the result is a usable RSA/EC key.
     */
    public static String toPkcs8Pem(String keyPem, String source) {
        for (Block b : blocks(keyPem)) {
            byte[] pkcs8 = switch (b.label()) {
                case "PRIVATE KEY" -> b.der();
                case "RSA PRIVATE KEY" -> wrapPkcs1(b.der());
                case "ENCRYPTED PRIVATE KEY" -> throw new ProblemException(Problem.of(Problem.Kind.USAGE,
                        "The key in " + source + " is encrypted", "", "Give an unencrypted PKCS#8 or PKCS#1 key"));
                case "EC PRIVATE KEY" -> throw new ProblemException(Problem.of(Problem.Kind.USAGE,
                        "The key in " + source + " is a SEC1 EC key", "",
                        "Convert it: openssl pkcs8 -topk8 -nocrypt -in KEY"));
                default -> null;
            };
            if (pkcs8 != null) {
                check(pkcs8, source);
                return pem("PRIVATE KEY", pkcs8);
            }
        }
        throw new ProblemException(Problem.of(Problem.Kind.USAGE, "No private key in " + source, "",
                "Expect a PEM key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)"));
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
                        return new ClientAuth.TlsCertificate(toPem(List.of(chain)), pem("PRIVATE KEY",
                                pk.getEncoded()), subject(chain[0]));
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

    private static void check(byte[] pkcs8, String source) {
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                return;
            } catch (GeneralSecurityException e) {
                // try the next algorithm
                continue;
            }
        }
        throw new ProblemException(Problem.of(Problem.Kind.USAGE, "The private key in " + source
                + " cannot be read", "not an RSA, EC or Ed25519 key", "Give the KafkaUser's user.key"));
    }

    /** PrivateKeyInfo ::= SEQUENCE { version INTEGER 0, algorithm AlgorithmIdentifier, privateKey OCTET STRING }. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(derLength(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(derLength(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
