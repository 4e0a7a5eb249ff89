package io.mirrorscope.kafka;

import io.mirrorscope.core.Problem;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.SaslHandshakeRequest;
import org.apache.kafka.common.requests.SaslHandshakeResponse;

/**
 * Finds out what a listener speaks when the client's settings do not fit it. A Kafka client facing a TLS listener
 * with PLAINTEXT (or the reverse, or without the SASL the listener wants) just retries until its timeout; this
 * asks the listener directly: does it complete a TLS handshake, and which SASL mechanisms does it list in answer to
 * a SaslHandshake request (an empty list: no SASL). Reads only: the handshake and that one request, then it hangs
 * up.
 *
 * <p>The TLS handshake here trusts any certificate: it only asks "TLS or not", it never sends credentials or
 * data. Trust is checked by the real client with the configured CA.
 */
public final class ListenerProbe {

    private static final int MAX_RESPONSE = 64 * 1024;

    private ListenerProbe() {
    }

    /** What the listener at one address speaks; a null field is "could not tell". */
    record Speaks(Boolean tls, List<String> saslMechanisms) {
    }

    /**
     * The mismatch between the client's settings and the listener at the first bootstrap address, as a problem;
     * empty when they fit or when the listener could not be asked (the client's own error then stands).
     */
    public static Optional<Problem> mismatch(ConnectionSettings settings, Duration timeout) {
        BrokerAddress address;
        try {
            address = BrokerAddress.parseList(settings.bootstrapServers()).getFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Speaks speaks = ask(address, settings.protocol().tls(), timeout);
        return judge(settings, address, speaks);
    }

    static Optional<Problem> judge(ConnectionSettings settings, BrokerAddress address, Speaks speaks) {
        SecurityProtocol client = settings.protocol();
        String where = "The listener at " + address;
        if (speaks.tls() != null && speaks.tls() != client.tls()) {
            return Optional.of(speaks.tls()
                    ? Problem.of(Problem.Kind.CONNECTION, where + " speaks TLS but the client used " + client,
                            "", "Connect with TLS (--security-protocol " + (client.sasl() ? "SASL_SSL" : "SSL")
                                    + " and --ca FILE), or pick a listener with tls: false")
                    : Problem.of(Problem.Kind.CONNECTION, where + " does not speak TLS but the client used "
                                    + client, "",
                            "Connect without TLS (--security-protocol " + (client.sasl() ? "SASL_PLAINTEXT"
                                    : "PLAINTEXT") + "), or pick a listener with tls: true"));
        }
        List<String> mechanisms = speaks.saslMechanisms();
        if (mechanisms == null) {
            return Optional.empty();
        }
        String saslClient = settings.auth() instanceof ClientAuth.SaslPassword p ? p.mechanism() : null;
        if (!mechanisms.isEmpty() && saslClient == null) {
            return Optional.of(Problem.of(Problem.Kind.CONNECTION, where + " wants SASL (" + String.join(", ",
                            mechanisms) + ") but the client used " + client + " without SASL", "",
                    "Authenticate with SASL (--sasl-username and --sasl-password-file; Strimzi: a KafkaUser with "
                            + "authentication scram-sha-512), or pick another listener"));
        }
        if (mechanisms.isEmpty() && saslClient != null) {
            return Optional.of(Problem.of(Problem.Kind.CONNECTION, where + " does not use SASL but the client used "
                    + client + " (" + saslClient + ")", "", "Connect without SASL (--security-protocol "
                    + (client.tls() ? "SSL" : "PLAINTEXT") + "), or pick a listener with SASL authentication"));
        }
        if (saslClient != null && !mechanisms.contains(saslClient)) {
            return Optional.of(Problem.of(Problem.Kind.CONNECTION, where + " accepts SASL " + String.join(", ",
                    mechanisms) + " but the client used " + saslClient, "",
                    "Use --sasl-mechanism " + mechanisms.getFirst()));
        }
        return Optional.empty();
    }

    /** Asks the listener: first in the client's own transport, then, if that fails, in the other one. */
    static Speaks ask(BrokerAddress address, boolean clientTls, Duration timeout) {
        Attempt first = attempt(address, clientTls, timeout);
        if (first.mechanisms() != null) {
            return new Speaks(clientTls, first.mechanisms());
        }
        if (clientTls && first.handshakeDone()) {
            return new Speaks(true, null);  // TLS, but the listener answered nothing more (e.g. it wants a cert)
        }
        Attempt other = attempt(address, !clientTls, timeout);
        if (other.mechanisms() != null || (!clientTls && other.handshakeDone())) {
            return new Speaks(!clientTls, other.mechanisms());
        }
        return new Speaks(null, null);
    }

    private record Attempt(boolean handshakeDone, List<String> mechanisms) {
    }

    private static Attempt attempt(BrokerAddress address, boolean tls, Duration timeout) {
        int millis = (int) Math.max(100, timeout.toMillis());
        boolean handshakeDone = false;
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(address.host(), address.port()), millis);
            raw.setSoTimeout(millis);
            Socket socket = raw;
            if (tls) {
                SSLSocket ssl = (SSLSocket) anyCertificate().getSocketFactory().createSocket(raw, address.host(),
                        address.port(), false);
                ssl.setSoTimeout(millis);
                ssl.startHandshake();
                handshakeDone = true;
                socket = ssl;
            }
            return new Attempt(handshakeDone, saslMechanisms(socket));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return new Attempt(handshakeDone, null);
        }
    }

    /** Sends SaslHandshake v1 and reads the listener's mechanisms; null when the answer is not Kafka's. */
    private static List<String> saslMechanisms(Socket socket) throws IOException {
        RequestHeader header = new RequestHeader(ApiKeys.SASL_HANDSHAKE, (short) 1, "mirrorscope-probe", 1);
        ByteBuffer request = new SaslHandshakeRequest.Builder(new SaslHandshakeRequestData()
                .setMechanism("SCRAM-SHA-512")).build((short) 1).serializeWithHeader(header);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(request.remaining());
        out.write(request.array(), request.arrayOffset() + request.position(), request.remaining());
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int size = in.readInt();
        if (size < 4 || size > MAX_RESPONSE) {
            return null;
        }
        byte[] body = new byte[size];
        in.readFully(body);
        AbstractResponse response = AbstractResponse.parseResponse(ByteBuffer.wrap(body), header);
        return response instanceof SaslHandshakeResponse r ? List.copyOf(r.data().mechanisms()) : null;
    }

    private static SSLContext anyCertificate() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // a probe is never a server
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // only "does it speak TLS" is asked; the real client checks trust with the configured CA
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
