package io.mirrorscope.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Keeps the in-process Kafka, Connect and mock-server logs to warnings on the terminal of the sandbox. */
final class SandboxLogging {

    /** Held so the level sticks (java.util.logging keeps loggers weakly). */
    private static final java.util.logging.Logger MOCK_SERVER_LOG =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private SandboxLogging() {
    }

    static void quietServers() {
        if (System.getProperty("logback.configurationFile") != null) {
            return; // an explicit logging configuration wins
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            for (String name : new String[] {"org.apache.kafka", "kafka", "org.apache.zookeeper", "io.fabric8",
                "io.netty", "io.vertx", "org.eclipse.jetty", "org.glassfish", "org.reflections", "state.change.logger",
                "io.opentelemetry"}) {
                context.getLogger(name).setLevel(Level.WARN);
            }
        }
        // the fabric8 mock web server logs every request through java.util.logging
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    }
}
