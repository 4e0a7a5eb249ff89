package io.mirrorscope.kafka;

/** Kafka's security protocols, named as in {@code security.protocol}. */
public enum SecurityProtocol {
    PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL;

    public boolean tls() {
        return this == SSL || this == SASL_SSL;
    }

    public boolean sasl() {
        return this == SASL_PLAINTEXT || this == SASL_SSL;
    }

    /** The protocol for a listener with or without TLS and with or without SASL. */
    public static SecurityProtocol of(boolean tls, boolean sasl) {
        if (sasl) {
            return tls ? SASL_SSL : SASL_PLAINTEXT;
        }
        return tls ? SSL : PLAINTEXT;
    }
}
