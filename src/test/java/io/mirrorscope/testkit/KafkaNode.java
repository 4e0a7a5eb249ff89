package io.mirrorscope.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One in-process KRaft node in combined mode ({@code process.roles=broker,controller}), the way design.md verified
 * {@code kafka.Kafka server.properties} after {@code StorageTool format}: the storage is formatted once, then a
 * {@link KafkaRaftServer} runs it. {@link #stop()} and {@link #start()} may be called repeatedly (a broker outage);
 * {@link #close()} stops it and deletes its log directory.
 */
public final class KafkaNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaNode.class);

    private final String name;
    private final Properties config;
    private final Path logDir;
    private final String clusterId;
    private KafkaRaftServer server;
    private boolean closed;

    /**
     * Formats {@code logDir} for a new cluster and prepares the node; {@code config} must be a complete KRaft combined
     * configuration whose {@code log.dirs} is {@code logDir}.
     */
    KafkaNode(String name, Properties config, Path logDir) {
        this(name, config, logDir, Uuid.randomUuid().toString());
    }

    /** As above, for one node of a multi-node cluster: every node is formatted with the same {@code clusterId}. */
    KafkaNode(String name, Properties config, Path logDir, String clusterId) {
        this.name = name;
        this.config = config;
        this.logDir = logDir;
        this.clusterId = clusterId;
        format();
    }

    private void format() {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(Integer.parseInt(config.getProperty("node.id")))
                    .setClusterId(clusterId)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName(config.getProperty("controller.listener.names"))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format KRaft storage of " + name + " in " + logDir, e);
        }
    }

    /** Starts the node (again); returns once its sockets accept connections. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        if (server != null) {
            return;
        }
        LOG.info("starting Kafka node {}", name);
        KafkaRaftServer raft = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        raft.startup();
        server = raft;
    }

    /** Stops the node, keeping its data for a later {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        LOG.info("stopping Kafka node {}", name);
        KafkaRaftServer raft = server;
        server = null;
        raft.shutdown();
        raft.awaitShutdown();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String name() {
        return name;
    }

    /** A copy of the broker configuration (contains key material: never log it). */
    public Properties config() {
        Properties copy = new Properties();
        copy.putAll(config);
        return copy;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            stop();
        } finally {
            closed = true;
            deleteRecursively(logDir);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
