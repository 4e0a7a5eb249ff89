package io.mirrorscope.kafka;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A quick TCP check of the bootstrap servers before a Kafka client starts: the client itself retries an unreachable
 * broker quietly until its API timeout, so without this "broker down" would be a vague timeout half a minute
 * later. Host names resolve through the JVM (and so through {@code BrokerNameResolver} when tunnels are up).
 */
public final class BrokerProbe {

    private BrokerProbe() {
    }

    /** Returns when at least one bootstrap server accepts a TCP connection; else throws a connection problem. */
    public static void requireReachable(ConnectionSettings settings, Duration timeout) {
        List<String> failures = new ArrayList<>();
        for (String server : settings.bootstrapServers().split(",")) {
            String s = server.strip();
            int colon = s.lastIndexOf(':');
            if (colon <= 0) {
                throw new ProblemException(Problem.of(Problem.Kind.USAGE, "Bad bootstrap server '" + s + "'", "",
                        "Use host:port"));
            }
            String host = s.substring(0, colon).replace("[", "").replace("]", "");
            int port;
            try {
                port = Integer.parseInt(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ProblemException(Problem.of(Problem.Kind.USAGE, "Bad port in bootstrap server '" + s + "'",
                        "", "Use host:port"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                return;
            } catch (IOException e) {
                failures.add(s + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        throw new ProblemException(Problem.of(Problem.Kind.CONNECTION, "Cannot reach the Kafka brokers of "
                + settings.description(), String.join("; ", failures),
                "Check that the brokers run and that this machine can reach them (VPN, port-forward, listener type)"));
    }
}
