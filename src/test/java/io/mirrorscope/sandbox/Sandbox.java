package io.mirrorscope.sandbox;

import io.mirrorscope.app.StartOptions;
import io.mirrorscope.testkit.KafkaListener;
import io.mirrorscope.testkit.KafkaTestCluster;
import io.mirrorscope.testkit.TestCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's world on one machine: two in-process KRaft clusters ({@code europe-cluster}, {@code us-cluster}, each
 * with a plain and an mTLS listener), {@code my-topic} with 12 partitions, a real MirrorMaker 2 replicating it to
 * {@code europe-cluster.my-topic}, the traced hello-world producer and consumer, a Jaeger query API over the recorded
 * spans, and a Kubernetes API holding the Strimzi resources that describe all of it.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
 *     sandbox.kubeconfig();   // context "sandbox", namespace "amq-streams"
 *     sandbox.jaegerUrl();
 *     sandbox.faults().dropEveryKth(5);
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

    public static final String NAMESPACE = "amq-streams";
    public static final String EUROPE = "europe-cluster";
    public static final String US = "us-cluster";
    public static final String TOPIC = "my-topic";
    public static final String TARGET_TOPIC = EUROPE + "." + TOPIC;
    public static final int PARTITIONS = 12;
    /** Listener names as in the seed's Kafka CRs. */
    public static final String PLAIN = "PLAIN";
    public static final String TLS = "TLS";

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    private final String id = UUID.randomUUID().toString();
    private final SandboxOptions options;
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private final SandboxFaults faults = new SandboxFaults();
    private final SandboxTracing tracing;
    private KafkaTestCluster europe;
    private KafkaTestCluster us;
    private SandboxUser europeUser;
    private SandboxUser usUser;
    private SandboxMirror mirror;
    private HelloWorldProducer producer;
    private HelloWorldConsumer consumer;
    private JaegerQueryServer jaeger;
    private SandboxKubeApi kube;
    private SandboxControlServer control;
    private long startMillis;
    private long startNanos;

    private Sandbox(SandboxOptions options) {
        this.options = options;
        this.tracing = new SandboxTracing(new SpanStore(500_000), options.effectiveTraceHeader());
    }

    /** Starts everything and returns once records flow and every API answers. */
    public static Sandbox start(SandboxOptions options) {
        Sandbox sandbox = new Sandbox(options);
        try {
            sandbox.startAll();
            return sandbox;
        } catch (Exception e) {
            sandbox.close();
            throw new IllegalStateException("the sandbox did not start: " + e.getMessage(), e);
        }
    }

    private void startAll() throws Exception {
        long t0 = System.nanoTime();
        startNanos = t0;
        step("starting Kafka clusters " + EUROPE + " and " + US + " (KRaft, in-process)");
        CompletableFuture<KafkaTestCluster> europeStart = CompletableFuture.supplyAsync(() -> cluster(EUROPE));
        CompletableFuture<KafkaTestCluster> usStart = CompletableFuture.supplyAsync(() -> cluster(US));
        CompletableFuture<SandboxKubeApi> kubeStart = CompletableFuture.supplyAsync(() -> {
            try {
                return new SandboxKubeApi(options.strimziApi());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        closeables.push(() -> {
            SandboxKubeApi api = kubeStart.handle((k, e) -> k).join();
            if (api != null) {
                api.close();
            }
        });
        europe = europeStart.handle((cluster, error) -> cluster).join();
        us = usStart.handle((cluster, error) -> cluster).join();
        if (europe != null) {
            closeables.push(europe);
        }
        if (us != null) {
            closeables.push(us);
        }
        europeStart.join();
        usStart.join();
        europeUser = new SandboxUser("my-europe-user", europe.issueUser("my-europe-user"), TestCa.randomPassword());
        usUser = new SandboxUser("my-us-user", us.issueUser("my-us-user"), TestCa.randomPassword());
        europe.createTopic(TOPIC, PARTITIONS);
        step("created " + TOPIC + " (" + PARTITIONS + " partitions) on " + EUROPE);

        String mirrorService = options.strimziApi() == SandboxOptions.StrimziApi.V1BETA1 ? "my-mirror-maker"
                : "my-mirror-maker2";
        SandboxRegistry.register(id, new SandboxRegistry.Runtime(tracing, faults, mirrorService,
                options.mirrorTracing() == SandboxOptions.MirrorTracing.HEADERS));
        closeables.push(() -> SandboxRegistry.unregister(id));
        closeables.push(tracing);
        faults.attach(this);

        producer = new HelloWorldProducer(europe.clientConfig(PLAIN), tracing, TOPIC, options.produceInterval());
        closeables.push(producer);
        producer.start();
        step("hello-world-producer writes to " + EUROPE + "/" + TOPIC + " every "
                + options.produceInterval().toMillis() + " ms");

        // the mirror connects like the seed's: mTLS listeners, authenticated as my-europe-user and my-us-user
        String policy = options.strimziApi() == SandboxOptions.StrimziApi.V1BETA1
                ? "org.apache.kafka.connect.mirror.IdentityReplicationPolicy"
                : "org.apache.kafka.connect.mirror.DefaultReplicationPolicy";
        mirror = new SandboxMirror(id, EUROPE, europe.clientConfig(TLS, europeUser.certificate()), US,
                us.clientConfig(TLS, usUser.certificate()), TOPIC, policy);
        closeables.push(mirror);
        mirror.start();

        // while MirrorMaker 2 joins its group and starts its connectors, bring up everything that does not need it
        consumer = new HelloWorldConsumer(us.clientConfig(PLAIN), tracing, targetTopic());
        closeables.push(consumer);
        consumer.start();
        step("hello-world-consumer reads " + US + "/" + targetTopic());

        jaeger = new JaegerQueryServer(tracing.store(), options.jaegerV1Search());
        closeables.push(jaeger);
        step("Jaeger query API at " + jaeger.url());

        control = new SandboxControlServer(this);
        closeables.push(control);
        kube = kubeStart.join();
        kube.populate(this);
        step("Kubernetes API at " + kube.serverUrl() + " (Strimzi " + options.strimziApi().version() + ")");
        step("fault switches at " + control.url() + " (POST /faults: pause, resume, drop-every=K, slow=2s, "
                + "replay=P:FROM-TO, target-broker-down, target-broker-up, clear)");

        mirror.awaitRunning(Duration.ofSeconds(60));
        step("MirrorMaker 2 " + EUROPE + " -> " + US + " running (" + targetTopic() + ", mTLS)");

        if (!options.faults().isEmpty()) {
            faults.apply(options.faults());
            step("faults on: " + options.faults());
        }
        startMillis = (System.nanoTime() - t0) / 1_000_000;
        step("started in " + startMillis + " ms");
    }

    private KafkaTestCluster cluster(String name) {
        String svc = "." + NAMESPACE + ".svc";
        KafkaTestCluster cluster = KafkaTestCluster.builder(name)
                .listener(KafkaListener.plain(PLAIN))
                .listener(KafkaListener.mtls(TLS))
                .brokerSans(List.of(name + "-kafka-bootstrap", name + "-kafka-bootstrap" + svc,
                        name + "-kafka-bootstrap" + svc + ".cluster.local", name + "-kafka-brokers",
                        name + "-kafka-brokers" + svc, name + "-kafka-0." + name + "-kafka-brokers" + svc))
                .brokerProperty("auto.create.topics.enable", "false")
                .start();
        step(name + " up: plain " + cluster.bootstrap(PLAIN) + ", tls " + cluster.bootstrap(TLS));
        return cluster;
    }

    private void step(String line) {
        String timed = startNanos == 0 ? line
                : String.format("[%5.1fs] %s", (System.nanoTime() - startNanos) / 1e9, line);
        LOG.info("sandbox: {}", timed);
        options.progress().accept(timed);
    }

    /** Replays source records of one partition to the target through the mirror's traced consume/produce path. */
    int replay(int partition, long fromOffset, long toOffset) {
        Map<String, Object> consumerConfig = new HashMap<>(europe.clientConfig(PLAIN));
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, MirrorConsumerTracing.class.getName());
        consumerConfig.put(SandboxRegistry.CONFIG, id);
        Map<String, Object> producerConfig = new HashMap<>(us.clientConfig(PLAIN));
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerConfig.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, MirrorProducerTracing.class.getName());
        producerConfig.put(SandboxRegistry.CONFIG, id);
        int count = 0;
        TopicPartition tp = new TopicPartition(TOPIC, partition);
        try (KafkaConsumer<byte[], byte[]> source = new KafkaConsumer<>(consumerConfig);
                KafkaProducer<byte[], byte[]> target = new KafkaProducer<>(producerConfig)) {
            source.assign(List.of(tp));
            source.seek(tp, fromOffset);
            long deadline = System.currentTimeMillis() + 15_000;
            long next = fromOffset;
            while (next <= toOffset && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : source.poll(Duration.ofMillis(500)).records(tp)) {
                    if (record.offset() > toOffset) {
                        break;
                    }
                    target.send(new ProducerRecord<>(targetTopic(), record.partition(), record.timestamp(),
                            record.key(), record.value(), record.headers()));
                    count++;
                    next = record.offset() + 1;
                }
                if (source.position(tp) > toOffset) {
                    break;
                }
            }
            target.flush();
        }
        return count;
    }

    /** The mirrored topic on us-cluster: {@code europe-cluster.my-topic}, or {@code my-topic} for v1beta1 (MM1). */
    public String targetTopic() {
        return options.strimziApi() == SandboxOptions.StrimziApi.V1BETA1 ? TOPIC : TARGET_TOPIC;
    }

    /** The KafkaUser {@code my-europe-user} (certificate from europe-cluster's clients CA). */
    public SandboxUser europeUser() {
        return europeUser;
    }

    /** The KafkaUser {@code my-us-user} (certificate from us-cluster's clients CA). */
    public SandboxUser usUser() {
        return usUser;
    }

    /**
     * A TLS KafkaUser of the sandbox and its credentials.
     *
     * @param name the KafkaUser (and secret) name
     * @param certificate its certificate and key
     * @param password the password of its {@code user.p12}
     */
    public record SandboxUser(String name, TestCa.IssuedCert certificate, String password) {
    }

    public String id() {
        return id;
    }

    public KafkaTestCluster europe() {
        return europe;
    }

    public KafkaTestCluster us() {
        return us;
    }

    SandboxMirror mirror() {
        return mirror;
    }

    public SandboxFaults faults() {
        return faults;
    }

    public SpanStore spans() {
        return tracing.store();
    }

    /** Base URL of the Jaeger query API, e.g. {@code http://127.0.0.1:40123}. */
    public String jaegerUrl() {
        return jaeger.url();
    }

    /** The kubeconfig file (context {@code sandbox}, namespace {@code amq-streams}). */
    public Path kubeconfig() {
        return kube.kubeconfig();
    }

    /** How the app starts connected to this sandbox: its kubeconfig, context and namespace. */
    public StartOptions startOptions() {
        return new StartOptions(kubeconfig(), SandboxKubeApi.CONTEXT, NAMESPACE, false);
    }

    /** URL of the fault-switch HTTP API ({@link SandboxControlServer}). */
    public String controlUrl() {
        return control.url();
    }

    public SandboxKubeApi kube() {
        return kube;
    }

    public SandboxOptions options() {
        return options;
    }

    /** Records the hello-world producer has had acknowledged. */
    public long produced() {
        return producer.acknowledged();
    }

    /** Records the hello-world consumer has read on the target. */
    public long consumed() {
        return consumer.received();
    }

    /** Start-up time in milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    /** Stops everything in reverse order; releases ports, threads and temp directories. */
    @Override
    public synchronized void close() {
        while (!closeables.isEmpty()) {
            AutoCloseable closeable = closeables.pop();
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("sandbox: error while stopping {}: {}", closeable.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
