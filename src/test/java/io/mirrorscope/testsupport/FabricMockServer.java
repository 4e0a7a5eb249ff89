package io.mirrorscope.testsupport;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;

/**
 * The one way the tests build fabric8's mock API server: CRUD mode (a real store behind list, watch, get), on the
 * loopback address. The test servers with more behaviour wrap its dispatcher: {@code kube.MockApiServer} (tokens,
 * 403s, access reviews, a request log, TLS), {@code kube.inventory.StrimziMockServer} (Strimzi CRDs in chosen
 * versions) and the sandbox's {@code SandboxKubeApi} (API discovery for kubectl, behind a TLS terminator).
 */
public final class FabricMockServer {

    private FabricMockServer() {
    }

    /** The CRUD dispatcher, to wrap or subclass. */
    public static KubernetesCrudDispatcher crud() {
        return new KubernetesCrudDispatcher(List.of());
    }

    /** A plain-HTTP server in CRUD mode on any free loopback port. */
    public static KubernetesMockServer start() {
        return start(crud());
    }

    /** A plain-HTTP server answering through {@code dispatcher} on any free loopback port. */
    public static KubernetesMockServer start(Dispatcher dispatcher) {
        return start(dispatcher, new MockWebServer(), false, 0);
    }

    /**
     * A server answering through {@code dispatcher} on {@code web} (kept by the caller, e.g. for its self-signed
     * certificate), over TLS or plain HTTP, on loopback {@code port} (0: any).
     */
    public static KubernetesMockServer start(Dispatcher dispatcher, MockWebServer web, boolean tls, int port) {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), web, new HashMap<>(), dispatcher, tls);
        server.init(InetAddress.getLoopbackAddress(), port);
        return server;
    }
}
