package io.mirrorscope.kube;

import io.mirrorscope.core.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one PEM reader of MirrorScope: certificates and private keys as kubeconfigs, ExecCredentials and Strimzi's
 * secrets carry them (the kafka adapter uses it too, so a key that works for the API server works for a broker).
 * Keys in PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}), RSA or
 * EC (and Ed25519 in PKCS#8). The JDK reads only PKCS#8, so PKCS#1 and SEC1 keys are wrapped into a PKCS#8
 * structure (a few DER bytes). Encrypted keys are refused with a message that says so. Every private key read is
 * handed to the {@link Redactor}.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    /** rsaEncryption 1.2.840.113549.1.1.1 with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    /** id-ecPublicKey 1.2.840.10045.2.1. */
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

    private static final String ENCRYPTED = "the private key is encrypted; MirrorScope reads unencrypted keys only "
            + "(decrypt it with: openssl pkey -in KEY -out KEY.plain)";

    private Pem() {
    }

    /** DER bytes as a PEM block with the given label. */
    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** A decoded PEM block. */
    public record Block(String type, byte[] der) {
    }

    /** Every PEM block in the text, in order. */
    public static List<Block> blocks(byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        Matcher m = BLOCK.matcher(text);
        List<Block> out = new ArrayList<>();
        while (m.find()) {
            out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
        }
        return out;
    }

    /** The CERTIFICATE blocks, in order; fails when there is none. */
    public static List<X509Certificate> certificates(byte[] pem) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (Block b : blocks(pem)) {
            if (b.type().equals("CERTIFICATE")) {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
            }
        }
        if (out.isEmpty()) {
            throw new GeneralSecurityException("no PEM CERTIFICATE block found");
        }
        return out;
    }

    /**
     * The first private key in the text.
     *
     * @throws GeneralSecurityException when there is none, it is encrypted, or it does not parse; the message says
     *                                  which (never the key)
     */
    public static PrivateKey privateKey(byte[] pem) throws GeneralSecurityException {
        String text = new String(pem, StandardCharsets.US_ASCII);
        Redactor.rememberPem(text);
        if (text.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new GeneralSecurityException(ENCRYPTED);
        }
        for (Block b : blocks(pem)) {
            switch (b.type()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(b.der());
                }
                case "RSA PRIVATE KEY" -> {
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                            sequence(integerZero(), RSA_ALGORITHM, tlv(0x04, b.der()))));
                }
                case "EC PRIVATE KEY" -> {
                    byte[] curve = sec1CurveOid(b.der());
                    byte[] algorithm = sequence(EC_PUBLIC_KEY_OID, curve);
                    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                            sequence(integerZero(), algorithm, tlv(0x04, b.der()))));
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException(ENCRYPTED);
                default -> {
                    // EC PARAMETERS and other blocks that may precede the key
                }
            }
        }
        throw new GeneralSecurityException("no PEM private key block (PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY)");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException first = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    /** The named-curve OID in the [0] parameters of a SEC1 ECPrivateKey (RFC 5915). */
    private static byte[] sec1CurveOid(byte[] der) throws GeneralSecurityException {
        Der outer = new Der(der, 0);
        if (outer.tag != 0x30) {
            throw new GeneralSecurityException("EC PRIVATE KEY is not a DER sequence");
        }
        int pos = outer.valueStart;
        int end = outer.valueStart + outer.length;
        while (pos < end) {
            Der field = new Der(der, pos);
            if (field.tag == 0xa0) {
                Der oid = new Der(der, field.valueStart);
                byte[] out = new byte[oid.valueStart - field.valueStart + oid.length];
                System.arraycopy(der, field.valueStart, out, 0, out.length);
                return out;
            }
            pos = field.valueStart + field.length;
        }
        throw new GeneralSecurityException("EC PRIVATE KEY has no named curve (parameters [0])");
    }

    /** One DER tag-length header. */
    private static final class Der {
        final int tag;
        final int length;
        final int valueStart;

        Der(byte[] b, int at) throws GeneralSecurityException {
            if (at + 2 > b.length) {
                throw new GeneralSecurityException("truncated DER");
            }
            tag = b[at] & 0xff;
            int len = b[at + 1] & 0xff;
            int p = at + 2;
            if (len > 0x80) {
                int n = len & 0x7f;
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (b[p++] & 0xff);
                }
            }
            length = len;
            valueStart = p;
            if (valueStart + length > b.length) {
                throw new GeneralSecurityException("truncated DER");
            }
        }
    }

    private static byte[] integerZero() {
        return new byte[] {0x02, 0x01, 0x00};
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write((n >> 8) & 0xff);
            out.write(n & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
