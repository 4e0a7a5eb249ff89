package io.mirrorscope.kafka;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
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
        // An out-of-date client certificate is known here without a connection; the broker would only say
        // "certificate_unknown".
        KafkaProblems.clientCertificateOutOfDate(settings, Instant.now()).ifPresent(p -> {
            throw new ProblemException(p);
        });
        List<BrokerAddress> addresses;
        try {
            addresses = BrokerAddress.parseList(settings.bootstrapServers());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(Problem.Kind.MALFORMED, "Bad bootstrap address of "
                    + settings.description() + ": " + e.getMessage(), "", "Check the listener's bootstrapServers"));
        }
        List<String> failures = new ArrayList<>();
        for (BrokerAddress address : addresses) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.host(), address.port()), (int) timeout.toMillis());
                return;
            } catch (IOException e) {
                failures.add(address + ": " + KafkaProblems.socketFailure(e));
            }
        }
        boolean allRefused = failures.stream().allMatch(f -> f.endsWith(": connection refused"));
        throw new ProblemException(Problem.of(Problem.Kind.CONNECTION, "Cannot reach the Kafka brokers of "
                + settings.description() + (allRefused ? ": connection refused at " + settings.bootstrapServers()
                : ""), String.join("; ", failures),
                "Check that the brokers run and that this machine can reach them (VPN, port-forward, listener type)"));
    }
}
