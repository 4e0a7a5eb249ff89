package io.mirrorscope.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks free TCP ports on a loopback address (bind to port 0, read it back, release it). */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free on {@code host} a moment ago. */
    public static int pick(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    /** A free port on 127.0.0.1. */
    public static int pick() {
        return pick("127.0.0.1");
    }
}
