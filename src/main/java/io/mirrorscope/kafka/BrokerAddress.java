package io.mirrorscope.kafka;

import io.mirrorscope.core.TerminalText;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code host:port} of a bootstrap list ({@code [::1]:9092} for IPv6). The one parser of bootstrap lists:
 * typed in ({@code --bootstrap}), read from a Kafka resource's status, or probed before a client starts.
 *
 * @param host host name or IP address, without brackets
 * @param port 1 to 65535
 */
public record BrokerAddress(String host, int port) {

    public BrokerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host");
        }
        if (host.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || c == '/' || c == '@')) {
            throw new IllegalArgumentException("'" + TerminalText.escape(host) + "' is not a host name");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is out of range (1 to 65535)");
        }
    }

    /** Parses {@code host:port[,host:port…]}; the message of the exception says which entry is wrong and why. */
    public static List<BrokerAddress> parseList(String bootstrap) {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("no bootstrap servers");
        }
        List<BrokerAddress> out = new ArrayList<>();
        for (String entry : bootstrap.split(",", -1)) {
            out.add(parse(entry.strip()));
        }
        return out;
    }

    /** Parses one {@code host:port}. */
    public static BrokerAddress parse(String raw) {
        String entry = TerminalText.escape(raw);  // echoed in messages; a real address has nothing to escape
        int colon = raw.lastIndexOf(':');
        if (colon <= 0 || colon == raw.length() - 1) {
            throw new IllegalArgumentException("'" + entry + "' is not host:port");
        }
        String host = raw.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("'" + entry + "': write an IPv6 address in brackets, [::1]:9092");
        }
        String portText = raw.substring(colon + 1);
        if (!portText.chars().allMatch(c -> c >= '0' && c <= '9') || portText.length() > 5) {
            throw new IllegalArgumentException("'" + entry + "': the port is not a number from 1 to 65535");
        }
        try {
            return new BrokerAddress(host, Integer.parseInt(portText));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + entry + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
