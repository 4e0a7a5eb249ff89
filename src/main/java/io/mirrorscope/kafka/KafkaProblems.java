package io.mirrorscope.kafka;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Turns what the Kafka client throws into one {@link Problem} an operator can act on. */
public final class KafkaProblems {

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
            return tlsProblem(t, where, lower);
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

    /** Runs {@code failure} through {@link #from} and wraps it for throwing. */
    public static ProblemException exception(Throwable failure, ConnectionSettings settings) {
        return new ProblemException(from(failure, settings));
    }

    private static Problem tlsProblem(Throwable t, String where, String lower) {
        if (lower.contains("pkix") || lower.contains("unable to find valid certification path")
                || lower.contains("signature check failed") || lower.contains("trust anchor")) {
            return new Problem(Problem.Kind.CONNECTION, "TLS handshake failed at " + where
                    + ": the broker's certificate is not signed by a trusted CA", firstMessage(t),
                    "Trust the cluster CA (Strimzi: secret <cluster>-cluster-ca-cert, key ca.crt; CLI: --ca FILE)", t);
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
