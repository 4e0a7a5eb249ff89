package io.mirrorscope.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Everything needed to reach one Kafka cluster: bootstrap servers, security protocol, the CA certificates to trust
 * and the client's credentials. Built from Strimzi resources ({@link StrimziConnections}) or typed in
 * ({@link ManualConnection}).
 *
 * <p>Secrets stay in memory: certificates and keys go to Kafka as PEM strings ({@code ssl.truststore.type=PEM},
 * {@code ssl.keystore.type=PEM}), never as files, and Kafka logs those properties as {@code [hidden]}.
 * {@link #toString()} names the credentials but never shows them.
 *
 * @param bootstrapServers  {@code host:port[,host:port…]}
 * @param protocol          security protocol
 * @param trustedCaPem      PEM certificates to trust (several during a CA renewal); null for the JVM's default CAs
 * @param auth              client authentication
 * @param verifyHostname    check the broker's host name against its certificate (on unless the user turns it off)
 * @param description       where these settings came from, for messages ("listener external of europe-cluster")
 */
public record ConnectionSettings(String bootstrapServers, SecurityProtocol protocol, String trustedCaPem,
        ClientAuth auth, boolean verifyHostname, String description) {

    public ConnectionSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(protocol, "protocol");
        auth = auth == null ? new ClientAuth.None() : auth;
        description = description == null ? bootstrapServers : description;
        if (auth instanceof ClientAuth.SaslPassword && !protocol.sasl()) {
            throw new IllegalArgumentException("SASL credentials need SASL_SSL or SASL_PLAINTEXT, not " + protocol);
        }
        if (auth instanceof ClientAuth.TlsCertificate && protocol != SecurityProtocol.SSL) {
            throw new IllegalArgumentException("a client certificate needs the SSL protocol, not " + protocol);
        }
    }

    /** A plain listener with no security, e.g. a local test broker. */
    public static ConnectionSettings plaintext(String bootstrapServers) {
        return new ConnectionSettings(bootstrapServers, SecurityProtocol.PLAINTEXT, null, null, true, null);
    }

    /** The same settings with other bootstrap servers (e.g. a tunnel's local address). */
    public ConnectionSettings withBootstrap(String bootstrap) {
        return new ConnectionSettings(bootstrap, protocol, trustedCaPem, auth, verifyHostname, description);
    }

    /** The client properties for bootstrap and security, shared by the consumer and the read-only Admin. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name());
        if (protocol.tls()) {
            if (trustedCaPem != null) {
                p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
                p.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, trustedCaPem);
            }
            p.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, verifyHostname ? "https" : "");
        }
        switch (auth) {
            case ClientAuth.TlsCertificate tls -> {
                p.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
                p.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, tls.certificateChainPem());
                p.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, tls.pkcs8KeyPem());
            }
            case ClientAuth.SaslPassword sasl -> {
                p.put(SaslConfigs.SASL_MECHANISM, sasl.mechanism());
                p.put(SaslConfigs.SASL_JAAS_CONFIG, sasl.jaasConfig());
            }
            case ClientAuth.None none -> {
                // nothing to add
            }
        }
        return p;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + bootstrapServers + ", " + protocol + ", "
                + (trustedCaPem == null ? "default CAs" : "CA from settings") + ", " + auth.describe()
                + (verifyHostname ? "" : ", host name NOT verified") + "]";
    }
}
