package io.mirrorscope.kafka;

import java.util.Objects;

/**
 * How the client proves who it is. Key material lives only in these objects (in memory); {@link #toString()}
 * never shows it.
 */
public sealed interface ClientAuth {

    /** A short description safe for logs and messages ("TLS client certificate CN=alice", "SCRAM-SHA-512 as bob"). */
    String describe();

    /** No client authentication. */
    record None() implements ClientAuth {
        @Override
        public String describe() {
            return "no client authentication";
        }
    }

    /**
     * Mutual TLS: a certificate chain and its PKCS#8 private key, both PEM, as Kafka's PEM key store takes them.
     *
     * @param subject who the certificate names, for messages
     */
    record TlsCertificate(String certificateChainPem, String pkcs8KeyPem, String subject) implements ClientAuth {
        public TlsCertificate {
            Objects.requireNonNull(certificateChainPem, "certificateChainPem");
            Objects.requireNonNull(pkcs8KeyPem, "pkcs8KeyPem");
        }

        @Override
        public String describe() {
            return "TLS client certificate " + subject;
        }

        @Override
        public String toString() {
            return "TlsCertificate[" + subject + ", key hidden]";
        }
    }

    /**
     * SASL with a user name and password: SCRAM-SHA-512 (Strimzi), SCRAM-SHA-256 or PLAIN.
     *
     * @param mechanism {@code SCRAM-SHA-512}, {@code SCRAM-SHA-256} or {@code PLAIN}
     */
    record SaslPassword(String mechanism, String username, char[] password) implements ClientAuth {
        public SaslPassword {
            Objects.requireNonNull(mechanism, "mechanism");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            mechanism = mechanism.toUpperCase(java.util.Locale.ROOT);
            if (!mechanism.equals("SCRAM-SHA-512") && !mechanism.equals("SCRAM-SHA-256")
                    && !mechanism.equals("PLAIN")) {
                throw new IllegalArgumentException("unsupported SASL mechanism " + mechanism
                        + " (SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN)");
            }
        }

        /** The JAAS line Kafka's {@code sasl.jaas.config} takes; quotes and backslashes escaped. */
        public String jaasConfig() {
            String module = mechanism.equals("PLAIN")
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            return module + " required username=\"" + escape(username) + "\" password=\""
                    + escape(new String(password)) + "\";";
        }

        private static String escape(String s) {
            return s.replace("\\", "\\\\").replace("\"", "\\\"");
        }

        @Override
        public String describe() {
            return mechanism + " as " + username;
        }

        @Override
        public String toString() {
            return "SaslPassword[" + mechanism + ", " + username + ", password hidden]";
        }
    }
}
