package io.mirrorscope.kafka;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback that forwards bytes both ways and, on the client → broker side, reads the Kafka request
 * framing (INT32 size, then INT16 api_key, INT16 api_version, INT32 correlation_id) to record every API key the
 * client sends. Only for PLAINTEXT listeners (TLS would hide the headers).
 */
final class RecordingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Short> apiKeys = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

    RecordingProxy(String listenHost, int listenPort, InetSocketAddress target) throws IOException {
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress(InetAddress.getByName(listenHost), listenPort));
        this.target = target;
        Thread.ofPlatform().daemon(true).name("recording-proxy").start(this::acceptLoop);
    }

    /** API keys in the order the client sent them. */
    List<Short> apiKeys() {
        return List.copyOf(apiKeys);
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket();
                broker.connect(target, 5_000);
                sockets.add(client);
                sockets.add(broker);
                Thread.ofPlatform().daemon(true).start(() -> requests(client, broker));
                Thread.ofPlatform().daemon(true).start(() -> pipe(broker, client));
            } catch (IOException e) {
                if (open) {
                    System.err.println("proxy accept failed: " + e);
                }
            }
        }
    }

    private void requests(Socket client, Socket broker) {
        try (DataInputStream in = new DataInputStream(client.getInputStream())) {
            OutputStream out = broker.getOutputStream();
            while (true) {
                int size = in.readInt();
                byte[] frame = new byte[size];
                in.readFully(frame);
                apiKeys.add((short) (((frame[0] & 0xff) << 8) | (frame[1] & 0xff)));
                out.write(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size});
                out.write(frame);
                out.flush();
            }
        } catch (EOFException closed) {
            closeQuietly(broker);
        } catch (IOException e) {
            closeQuietly(broker);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream()) {
            in.transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
            closeQuietly(to);
            return;
        }
        closeQuietly(to);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
            return;
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
        sockets.forEach(RecordingProxy::closeQuietly);
    }
}
