package io.mirrorscope.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The sandbox's fault switches over HTTP on a free loopback port, so the app's Sandbox menu can reach them without
 * depending on test code: {@code GET /sandbox} answers the state as JSON; {@code POST /sandbox/faults} with a fault
 * spec as the body (e.g. {@code pause}, {@code drop-every=5}, {@code slow=2s}, {@code clear}; see
 * {@link SandboxFaults#apply(String)}) applies it and answers the new state, or 400 with a message.
 * Its URL is in the {@code mirrorscope-sandbox} ConfigMap ({@code data.controlUrl}), on the {@code SANDBOX READY}
 * line, and, for the app started by {@code scripts/sandbox --app} (its own process), in the system property
 * {@value #PROPERTY}.
 */
public final class SandboxControlServer implements AutoCloseable {

    /** System property carrying the control URL into an app started next to the sandbox. */
    public static final String PROPERTY = "mirrorscope.sandbox.control";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sandbox sandbox;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    SandboxControlServer(Sandbox sandbox) throws IOException {
        this.sandbox = sandbox;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/sandbox", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/sandbox} */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/sandbox";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ((path.equals("/sandbox") || path.equals("/sandbox/")) && method.equals("GET")) {
                send(exchange, 200, state());
            } else if (path.equals("/sandbox/faults") && method.equals("POST")) {
                String spec = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
                try {
                    SandboxFaults.parse(spec);
                    sandbox.faults().apply(spec);
                    send(exchange, 200, state());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    ObjectNode error = JSON.createObjectNode().put("error", e.getMessage());
                    send(exchange, 400, error);
                }
            } else {
                send(exchange, 404, JSON.createObjectNode().put("error", "not found: " + method + " " + path));
            }
        }
    }

    private ObjectNode state() {
        SandboxFaults faults = sandbox.faults();
        ObjectNode state = JSON.createObjectNode();
        state.put("strimziApi", sandbox.options().strimziApi().version());
        state.put("kubeconfig", sandbox.kubeconfig().toString());
        state.put("jaeger", sandbox.jaegerUrl());
        state.put("sourceTopic", Sandbox.EUROPE + "/" + Sandbox.TOPIC);
        state.put("targetTopic", Sandbox.US + "/" + sandbox.targetTopic());
        ObjectNode f = state.putObject("faults");
        f.put("mirrorPaused", faults.mirrorPaused());
        f.put("dropEvery", faults.dropEvery());
        f.put("droppedSoFar", faults.dropped().size());
        f.put("mirrorDelayMs", faults.mirrorDelay().toMillis());
        f.put("targetBrokerRunning", faults.targetBrokerRunning());
        return state;
    }

    private static void send(HttpExchange exchange, int code, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
