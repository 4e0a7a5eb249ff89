package io.mirrorscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.testkit.FreePorts;
import io.mirrorscope.testkit.KafkaListener;
import io.mirrorscope.testkit.KafkaTestCluster;
import io.mirrorscope.testkit.TestCa;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Connection failures against a real broker (plain, mTLS and SCRAM listeners) each end in one problem that says
 * what failed, where, and what to do, instead of a timeout or a Java exception name. Reads go through the
 * production tailer without the TCP pre-check, as the GUI's live tail does after a reconnect, so the Kafka
 * client's own failure is what gets explained.
 */
@Tag("kafka")
class KafkaFailureMessagesTest {

    private static KafkaTestCluster kafka;
    private static TestCa.IssuedCert reader;
    private static String ca;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.builder("europe-cluster")
                .listener(KafkaListener.plain("PLAIN"))
                .listener(KafkaListener.mtls("TLS"))
                .listener(KafkaListener.scram("SCRAM"))
                .start();
        kafka.createTopic("orders", 1);
        kafka.createScramUser("alice", "alice-secret");
        reader = kafka.issueUser("reader");
        ca = kafka.clusterCa().certificatePem();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** A bounded read with the production consumer and tailer, without {@link BrokerProbe}; its problem. */
    private static Problem read(ConnectionSettings settings) {
        AtomicReference<Problem> problem = new AtomicReference<>();
        new PartitionTailer(ReadOnlyClients.consumer(settings, ConsumerOptions.DEFAULTS.withApiTimeout(
                Duration.ofSeconds(5))), settings, new ReadRequest("orders", List.of(), new StartPosition.Beginning(),
                false), null, new RecordSink() {
                    @Override
                    public boolean accept(List<RawRecord> batch) {
                        return true;
                    }

                    @Override
                    public void finished(Problem p) {
                        problem.set(p);
                    }
                }).runHere();
        assertThat(problem.get()).as("the read must fail").isNotNull();
        assertThat(problem.get().oneLine()).doesNotContain("\n").doesNotContain("Exception");
        return problem.get();
    }

    private static ClientAuth.TlsCertificate cert(TestCa.IssuedCert c) {
        return new ClientAuth.TlsCertificate(c.chainPem(), c.privateKeyPkcs8Pem(),
                c.certificate().getSubjectX500Principal().getName());
    }

    private static ClientAuth.SaslPassword alice() {
        return new ClientAuth.SaslPassword("SCRAM-SHA-512", "alice", "alice-secret".toCharArray());
    }

    @Test
    void wrongCaSaysTheChainIsNotTrustedAndWhichCaWasUsed() {
        TestCa impostor = TestCa.clusterCa("impostor");
        Problem p = read(new ConnectionSettings(kafka.bootstrap("TLS"), SecurityProtocol.SSL,
                impostor.certificatePem(), cert(reader), true, null));
        assertThat(p.kind()).isEqualTo(Problem.Kind.CONNECTION);
        assertThat(p.title()).contains("certificate chain is not trusted")
                .contains(impostor.certificate().getSubjectX500Principal().getName())
                .contains(kafka.bootstrap("TLS"));
        assertThat(p.hint()).contains("--ca");
    }

    @Test
    void refusedPortSaysConnectionRefusedWithHostAndPort() {
        String nobody = "127.0.0.1:" + FreePorts.pick();
        Problem p = read(ConnectionSettings.plaintext(nobody));
        assertThat(p.kind()).isEqualTo(Problem.Kind.CONNECTION);
        assertThat(p.title()).contains("connection refused at " + nobody);
        assertThatThrownBy(() -> BrokerProbe.requireReachable(ConnectionSettings.plaintext(nobody),
                Duration.ofSeconds(2))).isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().title()).contains("connection refused at " + nobody));
    }

    @Test
    void expiredClientCertificateIsNamedWithItsDate() {
        Instant expiredAt = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        TestCa.IssuedCert old = kafka.clientsCa().issueUser("old-reader", expiredAt.minus(Duration.ofDays(30)),
                expiredAt);
        ConnectionSettings settings = new ConnectionSettings(kafka.bootstrap("TLS"), SecurityProtocol.SSL, ca,
                cert(old), true, null);
        Problem p = read(settings);
        assertThat(p.title()).contains("The client certificate CN=old-reader expired at " + expiredAt);
        assertThatThrownBy(() -> BrokerProbe.requireReachable(settings, Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().title())
                        .isEqualTo("The client certificate CN=old-reader expired at " + expiredAt));
    }

    @Test
    void plainClientOnTlsListener() {
        Problem p = read(ConnectionSettings.plaintext(kafka.bootstrap("TLS")));
        assertThat(p.title()).isEqualTo("The listener at " + kafka.bootstrap("TLS")
                + " speaks TLS but the client used PLAINTEXT");
        assertThat(p.hint()).contains("--security-protocol SSL");
    }

    @Test
    void tlsClientOnPlainListener() {
        Problem p = read(new ConnectionSettings(kafka.bootstrap("PLAIN"), SecurityProtocol.SSL, ca, null, true,
                null));
        assertThat(p.title()).isEqualTo("The listener at " + kafka.bootstrap("PLAIN")
                + " does not speak TLS but the client used SSL");
        assertThat(p.hint()).contains("--security-protocol PLAINTEXT");
    }

    @Test
    void saslMismatchesInEveryDirection() {
        Problem noSasl = read(new ConnectionSettings(kafka.bootstrap("SCRAM"), SecurityProtocol.SSL, ca,
                cert(reader), true, null));
        assertThat(noSasl.title()).isEqualTo("The listener at " + kafka.bootstrap("SCRAM")
                + " wants SASL (SCRAM-SHA-512) but the client used SSL without SASL");

        Problem saslOnPlain = read(new ConnectionSettings(kafka.bootstrap("PLAIN"), SecurityProtocol.SASL_PLAINTEXT,
                null, alice(), true, null));
        assertThat(saslOnPlain.title()).isEqualTo("The listener at " + kafka.bootstrap("PLAIN")
                + " does not use SASL but the client used SASL_PLAINTEXT");

        Problem saslOnMtls = read(new ConnectionSettings(kafka.bootstrap("TLS"), SecurityProtocol.SASL_SSL, ca,
                alice(), true, null));
        assertThat(saslOnMtls.title()).startsWith("The listener at " + kafka.bootstrap("TLS")
                + " wants a TLS client certificate but the client sent none");
    }
}
