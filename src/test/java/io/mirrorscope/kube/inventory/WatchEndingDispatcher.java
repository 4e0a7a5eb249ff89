package io.mirrorscope.kube.inventory;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CRUD dispatcher behind a proxy with an idle timeout: every watch stream is ended by the server (a normal
 * close) {@code closeAfterMillis} after it opened, as often as {@link #closesLeft} allows. Records every request
 * path, so tests can assert what was asked (e.g. cluster-wide or per-namespace lists).
 */
public final class WatchEndingDispatcher extends Dispatcher {

    final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of());
    public final AtomicInteger closesLeft = new AtomicInteger();
    public final AtomicInteger closed = new AtomicInteger();
    public final List<String> paths = new CopyOnWriteArrayList<>();
    /** Path fragments (e.g. "/apis/kafka.strimzi.io/v1beta2/kafkas") refused with 403 when not namespaced. */
    public final List<String> forbiddenClusterWide = new CopyOnWriteArrayList<>();
    private final long closeAfterMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("watch-ender").factory());

    public WatchEndingDispatcher(long closeAfterMillis) {
        this.closeAfterMillis = closeAfterMillis;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        paths.add(request.getMethod() + " " + path);
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (forbiddenClusterWide.stream().anyMatch(bare::endsWith)) {
            return new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json")
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                            + "\"forbidden: User \\\"dev\\\" cannot list at the cluster scope\",\"reason\":"
                            + "\"Forbidden\",\"code\":403}");
        }
        MockResponse response = crud.dispatch(request);
        WebSocketListener inner = response.getWebSocketListener();
        if (inner == null || !path.contains("watch=true")) {
            return response;
        }
        return response.withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket ws, Response r) {
                inner.onOpen(ws, r);
                timer.schedule(() -> {
                    if (closesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        closed.incrementAndGet();
                        ws.close(1000, "idle timeout");
                    }
                }, closeAfterMillis, TimeUnit.MILLISECONDS);
            }

            @Override
            public void onMessage(WebSocket ws, String text) {
                inner.onMessage(ws, text);
            }

            @Override
            public void onMessage(WebSocket ws, ByteString bytes) {
                inner.onMessage(ws, bytes);
            }

            @Override
            public void onClosing(WebSocket ws, int code, String reason) {
                inner.onClosing(ws, code, reason);
            }

            @Override
            public void onClosed(WebSocket ws, int code, String reason) {
                inner.onClosed(ws, code, reason);
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response r) {
                inner.onFailure(ws, t, r);
            }
        });
    }

    @Override
    public void shutdown() {
        timer.shutdownNow();
        crud.shutdown();
    }
}
