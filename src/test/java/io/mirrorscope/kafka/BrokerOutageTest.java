package io.mirrorscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mirrorscope.cli.MirrorScopeCommand;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.testkit.KafkaListener;
import io.mirrorscope.testkit.KafkaTestCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A follow whose broker is stopped and started again: the tail reports "no answer" while the broker is down
 * (the Kafka client alone stays silent), keeps running, reports "answers again", and then delivers new records.
 */
@Tag("kafka")
class BrokerOutageTest {

    private static KafkaTestCluster kafka;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.builder("outage").listener(KafkaListener.plain("PLAIN")).start();
        kafka.createTopic("live", 1);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static void produce(String value) throws Exception {
        try (KafkaProducer<String, String> p = kafka.stringProducer()) {
            p.send(new ProducerRecord<>("live", value)).get();
        }
    }

    @Test
    void aStoppedBrokerIsReportedAndItsReturnToo() throws Exception {
        ConnectionSettings settings = ConnectionSettings.plaintext(kafka.bootstrap("PLAIN"));
        List<TailHealth> health = new CopyOnWriteArrayList<>();
        List<String> values = new CopyOnWriteArrayList<>();
        List<Problem> finished = new CopyOnWriteArrayList<>();
        PartitionTailer tailer = new PartitionTailer(ReadOnlyClients.consumer(settings, ConsumerOptions.DEFAULTS
                .withApiTimeout(Duration.ofSeconds(10))), settings, new ReadRequest("live", List.of(),
                new StartPosition.Beginning(), true), null, new RecordSink() {
                    @Override
                    public boolean accept(List<RawRecord> batch) {
                        batch.forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
                        return true;
                    }

                    @Override
                    public void health(TailHealth h) {
                        health.add(h);
                    }

                    @Override
                    public void finished(Problem p) {
                        finished.add(p == null ? Problem.of(Problem.Kind.INTERNAL, "ended", "", "") : p);
                    }
                });
        // the CLI follows the same topic beside the tailer: it must say the outage and the return on stderr
        StringWriter cliOut = new StringWriter();
        StringWriter cliErr = new StringWriter();
        CommandLine cli = MirrorScopeCommand.commandLine((o, s) -> 0);
        cli.setOut(new PrintWriter(cliOut));
        cli.setErr(new PrintWriter(cliErr));
        Thread follow = new Thread(() -> cli.execute("records", "--bootstrap", kafka.bootstrap("PLAIN"), "--topic",
                "live", "--follow", "--from-beginning", "-o", "json"), "cli-follow");
        try {
            tailer.start();
            follow.start();
            produce("before");
            await().atMost(Duration.ofSeconds(30)).until(() -> values.contains("before")
                    && cliOut.toString().contains("before"));

            Instant stopped = Instant.now();
            kafka.node().stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> !health.isEmpty());
            // a measurement for the report, not an assertion (timings belong in benchmarks)
            System.out.println("outage reported " + Duration.between(stopped, Instant.now()).toMillis()
                    + " ms after the broker stopped");
            TailHealth down = health.getFirst();
            assertThat(down.answering()).isFalse();
            assertThat(down.target()).isEqualTo(kafka.bootstrap("PLAIN"));
            assertThat(down.since()).isBeforeOrEqualTo(Instant.now());
            assertThat(down.message(java.time.ZoneOffset.UTC)).startsWith("no answer from " + kafka.bootstrap("PLAIN")
                    + " since ");
            assertThat(tailer.stats().health()).isEqualTo(down);
            assertThat(finished).as("the tail keeps trying").isEmpty();
            await().atMost(Duration.ofSeconds(30)).until(() -> cliErr.toString().contains("no answer from"));
            assertThat(cliErr.toString().strip()).matches("mirrorscope: no answer from "
                    + java.util.regex.Pattern.quote(kafka.bootstrap("PLAIN")) + " since \\d\\d:\\d\\d:\\d\\d; "
                    + "still trying");

            kafka.node().start();
            await().atMost(Duration.ofSeconds(60)).until(() -> health.size() >= 2);
            assertThat(health).hasSize(2);
            assertThat(health.get(1).answering()).isTrue();
            assertThat(health.get(1).message(java.time.ZoneOffset.UTC))
                    .isEqualTo(kafka.bootstrap("PLAIN") + " answers again");

            kafka.awaitReady(Duration.ofSeconds(30));
            produce("after");
            await().atMost(Duration.ofSeconds(30)).until(() -> values.contains("after")
                    && cliOut.toString().contains("after"));
            assertThat(finished).isEmpty();
            assertThat(cliErr.toString()).contains("mirrorscope: " + kafka.bootstrap("PLAIN") + " answers again");
        } finally {
            tailer.stop();
            follow.interrupt();
            follow.join(Duration.ofSeconds(30));
        }
    }
}
