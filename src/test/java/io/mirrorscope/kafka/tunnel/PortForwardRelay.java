package io.mirrorscope.kafka.tunnel;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the API server's pod port-forward: on {@code GET /api/v1/namespaces/{ns}/pods/{pod}/portforward
 * ?ports=N} it upgrades to a WebSocket and speaks the Kubernetes port-forward protocol (first a message per
 * channel with the port, little-endian; then data frames prefixed with channel 0; channel 1 is errors), relaying
 * to a real TCP endpoint for that pod. Records each request line.
 */
public final class PortForwardRelay extends Dispatcher {

    private static final Pattern PATH =
            Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/portforward\\?ports=(\\d+)");

    private final Map<String, InetSocketAddress> pods;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<WebSocket, Socket> sockets = new ConcurrentHashMap<>();

    public PortForwardRelay(Map<String, InetSocketAddress> pods) {
        this.pods = pods;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request.getMethod() + " " + request.getPath());
        Matcher m = PATH.matcher(request.getPath());
        if (!m.matches() || !pods.containsKey(m.group(2))) {
            return new MockResponse().setResponseCode(404);
        }
        InetSocketAddress target = pods.get(m.group(2));
        int port = Integer.parseInt(m.group(3));
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket ws, Response response) {
                Socket socket = new Socket();
                try {
                    socket.connect(target, 5_000);
                } catch (IOException e) {
                    ws.send(new byte[] {0, (byte) port, (byte) (port >> 8)});
                    ws.send(new byte[] {1, (byte) port, (byte) (port >> 8)});
                    ws.send(concat((byte) 1, ("connect failed: " + e).getBytes()));
                    ws.close(1000, "");
                    return;
                }
                sockets.put(ws, socket);
                ws.send(new byte[] {0, (byte) port, (byte) (port >> 8)});
                ws.send(new byte[] {1, (byte) port, (byte) (port >> 8)});
                Thread.ofPlatform().daemon(true).name("relay-" + port).start(() -> {
                    byte[] buf = new byte[16 * 1024];
                    try (InputStream in = socket.getInputStream()) {
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            ws.send(concat((byte) 0, Arrays.copyOf(buf, n)));
                        }
                    } catch (IOException e) {
                        // socket closed
                        ws.close(1000, "");
                        return;
                    }
                    ws.close(1000, "");
                });
            }

            @Override
            public void onMessage(WebSocket ws, byte[] bytes) {
                Socket socket = sockets.get(ws);
                if (socket == null || bytes.length == 0 || bytes[0] != 0) {
                    return;
                }
                try {
                    socket.getOutputStream().write(bytes, 1, bytes.length - 1);
                } catch (IOException e) {
                    ws.close(1011, "broker write failed");
                }
            }

            @Override
            public void onMessage(WebSocket ws, io.fabric8.mockwebserver.http.ByteString bytes) {
                onMessage(ws, bytes.toByteArray());
            }

            @Override
            public void onClosing(WebSocket ws, int code, String reason) {
                closeSocket(ws);
            }

            @Override
            public void onClosed(WebSocket ws, int code, String reason) {
                closeSocket(ws);
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response response) {
                closeSocket(ws);
            }
        });
    }

    private void closeSocket(WebSocket ws) {
        Socket s = sockets.remove(ws);
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
                return;
            }
        }
    }

    private static byte[] concat(byte channel, byte[] data) {
        byte[] out = new byte[data.length + 1];
        out[0] = channel;
        System.arraycopy(data, 0, out, 1, data.length);
        return out;
    }
}
