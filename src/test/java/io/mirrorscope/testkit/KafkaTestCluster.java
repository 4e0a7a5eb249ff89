package io.mirrorscope.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A KRaft Kafka cluster in this JVM, secured like a Strimzi cluster: a cluster CA signs the broker
 * certificates, a clients CA signs user certificates (the broker trusts it for mTLS), SCRAM-SHA-512 users are created
 * through the Admin API with 4096 iterations as the User Operator does. Every port is picked free at start;
 * {@link #close()} stops the brokers and deletes their data.
 *
 * <p>By default one combined broker+controller node; {@link Builder#brokers(int)} or {@link Builder#bindHosts} run
 * several combined nodes (node ids 0..n-1, one cluster id, static {@code controller.quorum.voters} of all of them),
 * each with its own ports, bind address and certificate, as Strimzi gives each broker pod its own.
 *
 * <pre>{@code
 * try (KafkaTestCluster kafka = KafkaTestCluster.builder("europe-cluster")
 *         .listener(KafkaListener.plain("PLAIN")).listener(KafkaListener.mtls("TLS")).start()) {
 *     TestCa.IssuedCert user = kafka.issueUser("my-user");
 *     Map<String, Object> props = kafka.clientConfig("TLS", user);
 * }
 * }</pre>
 */
public final class KafkaTestCluster implements AutoCloseable {

    /** SCRAM iterations Strimzi's User Operator uses. */
    public static final int SCRAM_ITERATIONS = 4096;

    private final String name;
    private final Map<String, KafkaListener> listeners;
    private final TestCa clusterCa;
    private final TestCa clientsCa;
    private final Path dataDir;
    private final String internalListener;
    private final List<NodeSlot> slots;
    private final List<KafkaNode> nodes;

    /** What differs between the nodes of one cluster: id, bind address, ports, certificate. */
    private record NodeSlot(int id, String bindHost, Map<String, Integer> ports, TestCa.IssuedCert cert) {

        String advertisedHost(KafkaListener listener) {
            return listener.advertisedHost() != null ? listener.advertisedHost(id) : bindHost;
        }
    }

    private KafkaTestCluster(Builder builder) throws IOException {
        this.name = builder.name;
        this.listeners = new LinkedHashMap<>();
        builder.listeners.forEach(l -> listeners.put(l.name(), l));
        this.clusterCa = builder.clusterCa != null ? builder.clusterCa : TestCa.clusterCa(name);
        this.clientsCa = builder.clientsCa != null ? builder.clientsCa : TestCa.clientsCa(name);
        this.internalListener = listeners.values().stream()
                .filter(l -> l.security() == KafkaListener.Security.PLAINTEXT)
                .map(KafkaListener::name).findFirst().orElse("INTERNAL");
        List<String> hosts = builder.nodeBindHosts();
        this.slots = new ArrayList<>();
        for (int id = 0; id < hosts.size(); id++) {
            slots.add(slot(id, hosts.get(id), builder.extraSans));
        }
        this.dataDir = Files.createTempDirectory("kafka-" + name + "-");
        String clusterId = Uuid.randomUuid().toString();
        this.nodes = new ArrayList<>();
        for (NodeSlot slot : slots) {
            Path logDir = slots.size() == 1 ? dataDir : Files.createDirectory(dataDir.resolve("node-" + slot.id()));
            nodes.add(new KafkaNode(name + "-kafka-" + slot.id(), brokerConfig(slot, logDir, builder.brokerProperties),
                    logDir, clusterId));
        }
    }

    private NodeSlot slot(int id, String bindHost, List<String> extraSans) {
        Set<String> sans = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", bindHost));
        listeners.values().stream().filter(l -> l.advertisedHost() != null).map(l -> l.advertisedHost(id))
                .forEach(sans::add);
        sans.addAll(extraSans);
        Map<String, Integer> ports = new LinkedHashMap<>();
        listeners.keySet().forEach(l -> ports.put(l, FreePorts.pick(bindHost)));
        if (internalListener.equals("INTERNAL")) {
            ports.put("INTERNAL", FreePorts.pick(bindHost));
        }
        ports.put("CONTROLLER", FreePorts.pick(bindHost));
        return new NodeSlot(id, bindHost, ports, clusterCa.issueServer(List.copyOf(sans)));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    private Properties brokerConfig(NodeSlot slot, Path logDir, Map<String, String> overrides) {
        String bindHost = slot.bindHost();
        Map<String, Integer> ports = slot.ports();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(slot.id()));
        p.put("controller.quorum.voters", String.join(",", slots.stream()
                .map(s -> s.id() + "@" + s.bindHost() + ":" + s.ports().get("CONTROLLER")).toList()));
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", internalListener);
        List<String> bind = new ArrayList<>();
        List<String> advertised = new ArrayList<>();
        List<String> protocols = new ArrayList<>();
        for (KafkaListener l : listeners.values()) {
            bind.add(l.name() + "://" + bindHost + ":" + ports.get(l.name()));
            advertised.add(l.name() + "://" + slot.advertisedHost(l) + ":" + ports.get(l.name()));
            protocols.add(l.name() + ":" + l.security().protocol());
            configureListener(p, l, slot.cert());
        }
        if (internalListener.equals("INTERNAL")) {
            bind.add("INTERNAL://" + bindHost + ":" + ports.get("INTERNAL"));
            advertised.add("INTERNAL://" + bindHost + ":" + ports.get("INTERNAL"));
            protocols.add("INTERNAL:PLAINTEXT");
        }
        bind.add("CONTROLLER://" + bindHost + ":" + ports.get("CONTROLLER"));
        protocols.add("CONTROLLER:PLAINTEXT");
        p.put("listeners", String.join(",", bind));
        p.put("advertised.listeners", String.join(",", advertised));
        p.put("listener.security.protocol.map", String.join(",", protocols));
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("controlled.shutdown.enable", "false");
        // faster first unfencing of the single broker (registration and heartbeats round-trip to the controller)
        p.put("broker.heartbeat.interval.ms", "500");
        p.putAll(overrides);
        return p;
    }

    private void configureListener(Properties p, KafkaListener listener, TestCa.IssuedCert brokerCert) {
        if (listener.security() == KafkaListener.Security.PLAINTEXT) {
            return;
        }
        String prefix = listener.configPrefix();
        p.put(prefix + "ssl.keystore.type", "PEM");
        p.put(prefix + "ssl.keystore.certificate.chain", brokerCert.chainPem());
        p.put(prefix + "ssl.keystore.key", brokerCert.privateKeyPkcs8Pem());
        p.put(prefix + "ssl.truststore.type", "PEM");
        p.put(prefix + "ssl.truststore.certificates", clientsCa.certificatePem());
        if (listener.security() == KafkaListener.Security.MTLS) {
            p.put(prefix + "ssl.client.auth", "required");
        } else {
            p.put(prefix + "sasl.enabled.mechanisms", "SCRAM-SHA-512");
            p.put(prefix + "scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
    }

    private KafkaTestCluster startNodes() {
        if (nodes.size() == 1) {
            nodes.getFirst().start();
            return this;
        }
        // a combined node's start-up waits for a controller quorum, so the nodes must start together
        List<Thread> starters = new ArrayList<>();
        Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
        for (KafkaNode n : nodes) {
            starters.add(Thread.ofPlatform().name("start-" + n.name()).start(() -> {
                try {
                    n.start();
                } catch (RuntimeException e) {
                    failures.put(n.name(), e);
                }
            }));
        }
        for (Thread starter : starters) {
            try {
                starter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + name, e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("cannot start " + failures.keySet());
            failures.values().forEach(failure::addSuppressed);
            throw failure;
        }
        return this;
    }

    public String name() {
        return name;
    }

    /** The first (in a single-node cluster the only) broker node, to stop and start it (a broker outage). */
    public KafkaNode node() {
        return nodes.getFirst();
    }

    /** All nodes, indexed by node id. */
    public List<KafkaNode> nodes() {
        return List.copyOf(nodes);
    }

    public TestCa clusterCa() {
        return clusterCa;
    }

    public TestCa clientsCa() {
        return clientsCa;
    }

    /** The first broker's certificate (signed by the cluster CA). */
    public TestCa.IssuedCert brokerCertificate() {
        return brokerCertificate(0);
    }

    /** The certificate of broker {@code nodeId} (signed by the cluster CA). */
    public TestCa.IssuedCert brokerCertificate(int nodeId) {
        return slot(nodeId).cert();
    }

    public List<KafkaListener> listeners() {
        return List.copyOf(listeners.values());
    }

    public KafkaListener listener(String listenerName) {
        KafkaListener listener = listeners.get(listenerName);
        if (listener == null) {
            throw new IllegalArgumentException(name + " has no listener " + listenerName + " (has " + listeners.keySet()
                    + ")");
        }
        return listener;
    }

    /** The port the listener of the first node is bound to. */
    public int port(String listenerName) {
        return port(listenerName, 0);
    }

    /** The port the listener of node {@code nodeId} is bound to. */
    public int port(String listenerName, int nodeId) {
        listener(listenerName);
        return slot(nodeId).ports().get(listenerName);
    }

    /** The address node {@code nodeId} binds to. */
    public String bindHost(int nodeId) {
        return slot(nodeId).bindHost();
    }

    private NodeSlot slot(int nodeId) {
        if (nodeId < 0 || nodeId >= slots.size()) {
            throw new IllegalArgumentException(name + " has no node " + nodeId + " (has " + slots.size() + ")");
        }
        return slots.get(nodeId);
    }

    /**
     * {@code host:port[,host:port...]} a client in this JVM connects to (the bind addresses of all nodes, whatever is
     * advertised).
     */
    public String bootstrap(String listenerName) {
        listener(listenerName);
        return String.join(",", slots.stream().map(s -> s.bindHost() + ":" + s.ports().get(listenerName)).toList());
    }

    /** {@code host:port[,host:port...]} as advertised (the custom host names when set). */
    public String advertisedBootstrap(String listenerName) {
        KafkaListener listener = listener(listenerName);
        return String.join(",", slots.stream()
                .map(s -> s.advertisedHost(listener) + ":" + s.ports().get(listenerName)).toList());
    }

    /** Bootstrap of the always-present plaintext listener used for administration. */
    public String internalBootstrap() {
        return String.join(",", slots.stream()
                .map(s -> s.bindHost() + ":" + s.ports().get(internalListener)).toList());
    }

    /** A String producer on the internal plaintext listener, for tests that write their own records. Close it. */
    public KafkaProducer<String, String> stringProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, internalBootstrap());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(config);
    }

    /** A byte[] producer on {@code listenerName}, for tests that write raw keys, values and headers. Close it. */
    public KafkaProducer<byte[], byte[]> bytesProducer(String listenerName) {
        Map<String, Object> config = new HashMap<>(clientConfig(listenerName));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    /** Issues a user certificate from the clients CA (what the broker trusts on mTLS listeners). */
    public TestCa.IssuedCert issueUser(String user) {
        return clientsCa.issueUser(user);
    }

    /** Client settings for a plaintext listener. */
    public Map<String, Object> clientConfig(String listenerName) {
        KafkaListener listener = listener(listenerName);
        if (listener.security() != KafkaListener.Security.PLAINTEXT) {
            throw new IllegalArgumentException(listenerName + " needs credentials");
        }
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap(listenerName));
        return config;
    }

    /** Client settings for an mTLS listener with a user certificate (PEM, PKCS#8 key, trusting the cluster CA). */
    public Map<String, Object> clientConfig(String listenerName, TestCa.IssuedCert user) {
        requireSecurity(listenerName, KafkaListener.Security.MTLS);
        Map<String, Object> config = tlsBase(listenerName, "SSL");
        config.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
        config.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, user.chainPem());
        config.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, user.privateKeyPkcs8Pem());
        return config;
    }

    /** Client settings for a SCRAM-SHA-512 listener. */
    public Map<String, Object> clientConfig(String listenerName, String user, String password) {
        requireSecurity(listenerName, KafkaListener.Security.SCRAM_SSL);
        Map<String, Object> config = tlsBase(listenerName, "SASL_SSL");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaasConfig(user, password));
        return config;
    }

    /** The JAAS line of a Strimzi SCRAM user secret's {@code sasl.jaas.config}. */
    public static String scramJaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private Map<String, Object> tlsBase(String listenerName, String protocol) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap(listenerName));
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        config.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, clusterCa.certificatePem());
        return config;
    }

    private void requireSecurity(String listenerName, KafkaListener.Security security) {
        if (listener(listenerName).security() != security) {
            throw new IllegalArgumentException(listenerName + " is " + listener(listenerName).security() + ", not "
                    + security);
        }
    }

    /** An Admin client on the internal plaintext listener; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, internalBootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** Creates (or keeps) a topic and waits until it is known. */
    public void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + " on " + name, e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + topic + " on " + name, e);
        }
    }

    /** Creates or updates a SCRAM-SHA-512 user with 4096 iterations, as Strimzi's User Operator does. */
    public void createScramUser(String user, String password) {
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot create SCRAM user " + user + " on " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            for (KafkaNode n : nodes.reversed()) {
                n.close();
            }
        } finally {
            KafkaNode.deleteRecursively(dataDir);
        }
    }

    /** Settings of a {@link KafkaTestCluster} before it starts. */
    public static final class Builder {
        private final String name;
        private final List<KafkaListener> listeners = new ArrayList<>();
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private final List<String> extraSans = new ArrayList<>();
        private String bindHost = "127.0.0.1";
        private List<String> bindHosts = List.of();
        private int brokers = 1;
        private TestCa clusterCa;
        private TestCa clientsCa;

        private Builder(String name) {
            this.name = name;
        }

        public Builder listener(KafkaListener listener) {
            if (listeners.stream().anyMatch(l -> l.name().equals(listener.name()))) {
                throw new IllegalArgumentException("duplicate listener " + listener.name());
            }
            listeners.add(listener);
            return this;
        }

        /** The loopback address the listeners bind to (default 127.0.0.1). */
        public Builder bindHost(String host) {
            this.bindHost = host;
            return this;
        }

        /**
         * Runs {@code count} combined broker+controller nodes (default 1), all on {@link #bindHost} with their own
         * ports unless {@link #bindHosts} gives each its own address.
         */
        public Builder brokers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one broker, not " + count);
            }
            this.brokers = count;
            return this;
        }

        /** One loopback address per node (node id = index); also sets the number of nodes. */
        public Builder bindHosts(String... hosts) {
            if (hosts.length == 0) {
                throw new IllegalArgumentException("no bind hosts");
            }
            this.bindHosts = List.of(hosts);
            this.brokers = hosts.length;
            return this;
        }

        private List<String> nodeBindHosts() {
            if (bindHosts.isEmpty()) {
                return Collections.nCopies(brokers, bindHost);
            }
            if (bindHosts.size() != brokers) {
                throw new IllegalArgumentException(brokers + " brokers but " + bindHosts.size() + " bind hosts");
            }
            return bindHosts;
        }

        /** Extra subject alternative names for every broker certificate (e.g. Strimzi service names). */
        public Builder brokerSans(List<String> names) {
            extraSans.addAll(names);
            return this;
        }

        /** Any broker setting, applied last. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(key, value);
            return this;
        }

        /** Use this cluster CA instead of a fresh one. */
        public Builder clusterCa(TestCa ca) {
            this.clusterCa = ca;
            return this;
        }

        /** Use this clients CA instead of a fresh one. */
        public Builder clientsCa(TestCa ca) {
            this.clientsCa = ca;
            return this;
        }

        /** Formats the storage and starts the brokers; returns once they accept connections. */
        public KafkaTestCluster start() {
            if (listeners.isEmpty()) {
                listeners.add(KafkaListener.plain("PLAIN"));
            }
            KafkaTestCluster cluster;
            try {
                cluster = new KafkaTestCluster(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return cluster.startNodes();
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        }
    }

    /** Waits up to {@code timeout} until the broker answers metadata requests on the internal listener. */
    public void awaitReady(Duration timeout) {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new IllegalStateException(name + " is not ready", e);
        }
    }
}
