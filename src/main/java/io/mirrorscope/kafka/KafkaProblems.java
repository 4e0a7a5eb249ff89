package io.mirrorscope.kafka;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.IllegalSaslStateException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Turns what the Kafka client throws into one {@link Problem} an operator can act on. */
public final class KafkaProblems {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private KafkaProblems() {
    }

    /** The problem behind {@code failure} while talking to the cluster of {@code settings}. */
    public static Problem from(Throwable failure, ConnectionSettings settings) {
        Throwable t = unwrap(failure);
        if (t instanceof ProblemException pe) {
            return pe.problem();
        }
        String where = settings.description().equals(settings.bootstrapServers())
                ? settings.bootstrapServers()
                : settings.description() + " (" + settings.bootstrapServers() + ")";
        String chain = messages(t);
        String lower = chain.toLowerCase(Locale.ROOT);
        if (t instanceof SslAuthenticationException || lower.contains("sslhandshakeexception")) {
            return tlsProblem(t, settings, where, lower);
        }
        if (t instanceof IllegalSaslStateException && lower.contains("enabled mechanisms are []")) {
            return new Problem(Problem.Kind.CONNECTION, "The listener at " + settings.bootstrapServers()
                    + " does not use SASL but the client used " + settings.protocol(), firstMessage(t),
                    "Connect without SASL (--security-protocol " + (settings.protocol().tls() ? "SSL" : "PLAINTEXT")
                            + "), or pick a listener with SASL authentication", t);
        }
        if (lower.contains("closedchannelexception") || lower.contains("connection refused")) {
            return new Problem(Problem.Kind.CONNECTION, "Connection refused or closed by " + where,
                    firstMessage(t), "Check that the brokers run and listen on " + settings.bootstrapServers()
                    + " (and on the broker addresses they advertise)", t);
        }
        if (t instanceof SaslAuthenticationException) {
            return new Problem(Problem.Kind.CONNECTION, "Authentication failed at " + where,
                    firstMessage(t), "Check the user name and password (" + settings.auth().describe()
                    + "); for Strimzi, the KafkaUser secret", t);
        }
        if (t instanceof AuthorizationException) {
            return new Problem(Problem.Kind.FORBIDDEN, "Not allowed to read at " + where, firstMessage(t),
                    "The user (" + settings.auth().describe() + ") needs Describe and Read on the topic", t);
        }
        if (t instanceof UnknownTopicOrPartitionException) {
            return new Problem(Problem.Kind.NOT_FOUND, "No such topic or partition at " + where, firstMessage(t),
                    "List the topics to check the name", t);
        }
        if (t instanceof TimeoutException) {
            return new Problem(Problem.Kind.CONNECTION, "No answer from the Kafka brokers at " + where,
                    firstMessage(t), "Check that the brokers run and that this machine can reach "
                    + settings.bootstrapServers() + " (and the advertised broker addresses)", t);
        }
        return new Problem(Problem.Kind.CONNECTION, "Kafka request failed at " + where, firstMessage(t),
                "Run again with --debug for details", t);
    }

    /** What a failed TCP connect means, in words: "connection refused", "no answer within 3 s", "unknown host". */
    static String socketFailure(IOException e) {
        return switch (e) {
            case ConnectException c -> "connection refused";
            case SocketTimeoutException t -> "no answer (timed out)";
            case UnknownHostException u -> "unknown host";
            case NoRouteToHostException n -> "no route to host";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    /**
     * {@link #from}, and when that can only say "no answer" or "failed", asks the listener what it speaks
     * ({@link ListenerProbe}): a TLS, plain or SASL mismatch then says so instead of a timeout. Does network I/O
     * (a few seconds at most): call it off the UI thread, once per failure.
     */
    public static Problem diagnose(Throwable failure, ConnectionSettings settings) {
        Problem problem = from(failure, settings);
        boolean vague = problem.title().startsWith("No answer from") || problem.title().startsWith("Kafka request")
                || problem.title().startsWith("Connection refused or closed");
        Throwable t = unwrap(failure);
        if (!vague || t instanceof InterruptedException || t instanceof InterruptException
                || Thread.currentThread().isInterrupted()) {
            return problem;  // a stop is no failure to explain
        }
        try {
            BrokerProbe.requireReachable(settings, PROBE_TIMEOUT);
        } catch (ProblemException unreachable) {
            Problem p = unreachable.problem();
            return new Problem(p.kind(), p.title(), p.detail(), p.hint(), problem.cause());
        }
        return ListenerProbe.mismatch(settings, PROBE_TIMEOUT)
                .map(m -> new Problem(m.kind(), m.title(), "the client gave up: " + problem.detail(), m.hint(),
                        problem.cause()))
                .orElse(problem);
    }

    /**
     * The client certificate of {@code settings} when it is outside its validity (expired, or not yet valid), as a
     * problem naming the certificate and the date; empty otherwise. Local only: no connection.
     */
    public static Optional<Problem> clientCertificateOutOfDate(ConnectionSettings settings, Instant now) {
        if (!(settings.auth() instanceof ClientAuth.TlsCertificate tls)) {
            return Optional.empty();
        }
        X509Certificate leaf;
        try {
            leaf = PemMaterial.certificates(tls.certificateChainPem(), "client certificate").getFirst();
        } catch (RuntimeException e) {
            return Optional.empty();  // unreadable material is reported where it is read
        }
        String name = leaf.getSubjectX500Principal().getName();
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return Optional.of(Problem.of(Problem.Kind.CONNECTION, "The client certificate " + name
                    + " expired at " + leaf.getNotAfter().toInstant(), "used for " + settings.description(),
                    "Renew it (Strimzi renews a KafkaUser's certificate in its secret; read it again) or give a "
                            + "current one with --cert/--key"));
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return Optional.of(Problem.of(Problem.Kind.CONNECTION, "The client certificate " + name
                    + " is not valid before " + leaf.getNotBefore().toInstant(), "used for "
                    + settings.description(), "Check this machine's clock, or use another certificate"));
        }
        return Optional.empty();
    }

    /** Runs {@code failure} through {@link #diagnose} and wraps it for throwing. */
    public static ProblemException exception(Throwable failure, ConnectionSettings settings) {
        return new ProblemException(diagnose(failure, settings));
    }

    /** The CA certificates the client trusted, by subject, for "not signed by a trusted CA" messages. */
    private static String trustedCas(ConnectionSettings settings) {
        if (settings.trustedCaPem() == null) {
            return "the JVM's default CAs";
        }
        try {
            return String.join("; ", PemMaterial.certificates(settings.trustedCaPem(), "trusted CA").stream()
                    .map(c -> c.getSubjectX500Principal().getName()).toList());
        } catch (RuntimeException e) {
            return "the configured CA";
        }
    }

    private static Problem tlsProblem(Throwable t, ConnectionSettings settings, String where, String lower) {
        if (lower.contains("pkix") || lower.contains("unable to find valid certification path")
                || lower.contains("signature check failed") || lower.contains("trust anchor")) {
            return new Problem(Problem.Kind.CONNECTION, "TLS handshake failed at " + where
                    + ": the broker's certificate chain is not trusted (not signed by a trusted CA); trusted: "
                    + trustedCas(settings), firstMessage(t),
                    "Trust the cluster CA (Strimzi: secret <cluster>-cluster-ca-cert, key ca.crt; CLI: --ca FILE)", t);
        }
        Optional<Problem> outOfDate = clientCertificateOutOfDate(settings, Instant.now());
        if (outOfDate.isPresent()) {
            Problem p = outOfDate.get();
            return new Problem(p.kind(), "TLS handshake failed at " + where + ": " + p.title(), firstMessage(t),
                    p.hint(), t);
        }
        if (lower.contains("certificate_required") && !(settings.auth() instanceof ClientAuth.TlsCertificate)) {
            return new Problem(Problem.Kind.CONNECTION, "The listener at " + settings.bootstrapServers()
                    + " wants a TLS client certificate but the client sent none (it used "
                    + settings.auth().describe() + ")", firstMessage(t),
                    "Use a KafkaUser with authentication tls (CLI: --cert and --key), or pick another listener", t);
        }
        if (lower.contains("no subject alternative") || lower.contains("no name matching")
                || lower.contains("hostname")) {
            return new Problem(Problem.Kind.CONNECTION, "TLS handshake failed at " + where
                    + ": the broker's certificate does not name the host connected to", firstMessage(t),
                    "Connect through a listener whose certificate covers this address", t);
        }
        if (lower.contains("bad_certificate") || lower.contains("certificate_required")
                || lower.contains("certificate_unknown") || lower.contains("unknown_ca")) {
            return new Problem(Problem.Kind.CONNECTION, "TLS handshake failed at " + where
                    + ": the broker rejected the client certificate", firstMessage(t),
                    "Use a KafkaUser with TLS authentication whose certificate the cluster's clients CA signed", t);
        }
        return new Problem(Problem.Kind.CONNECTION, "TLS handshake failed at " + where, firstMessage(t),
                "Check the CA and the client certificate", t);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof ExecutionException || cur instanceof java.util.concurrent.CompletionException)
                && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static String firstMessage(Throwable t) {
        Throwable cur = t;
        String best = null;
        while (cur != null) {
            if (cur.getMessage() != null && !cur.getMessage().isBlank()) {
                best = cur.getMessage();
            }
            if (cur.getCause() == cur) {
                break;
            }
            cur = cur.getCause();
        }
        return best == null ? t.getClass().getSimpleName() : best;
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Throwable cur = t;
        int depth = 0;
        while (cur != null && depth++ < 10) {
            sb.append(cur.getClass().getName()).append(": ").append(cur.getMessage()).append('\n');
            cur = cur.getCause();
        }
        return sb.toString();
    }
}
