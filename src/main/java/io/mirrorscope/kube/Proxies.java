package io.mirrorscope.kube;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP proxy for the API server, chosen as kubectl (Go's {@code ProxyFromEnvironment}) does: the cluster's
 * {@code proxy-url}; else {@code HTTPS_PROXY} (for an https server) or {@code HTTP_PROXY}, upper or lower case,
 * unless {@code NO_PROXY} matches the host ({@code *}, a host, a domain and its subdomains, an IP or a CIDR range)
 * or the host is localhost/loopback. The JDK HTTP client speaks only HTTP CONNECT proxies, so a SOCKS proxy is a
 * clear problem rather than a silent direct connection.
 */
final class Proxies {

    private Proxies() {
    }

    /** The proxy to use, or null for a direct connection. */
    static InetSocketAddress choose(Kubeconfig.Cluster cluster, Map<String, String> env) {
        if (cluster.proxyUrl() != null) {
            return address(cluster.proxyUrl(), "proxy-url of cluster " + cluster.name());
        }
        URI server = URI.create(cluster.server());
        String host = server.getHost() == null ? "" : server.getHost().toLowerCase(Locale.ROOT);
        boolean https = !"http".equalsIgnoreCase(server.getScheme());
        int port = server.getPort() > 0 ? server.getPort() : https ? 443 : 80;
        String variable = https ? "HTTPS_PROXY" : "HTTP_PROXY";
        String value = first(env, variable, variable.toLowerCase(Locale.ROOT));
        if (value == null || isLoopback(host) || noProxy(first(env, "NO_PROXY", "no_proxy"), host, port)) {
            return null;
        }
        return address(value.contains("://") ? value : "http://" + value, "$" + variable);
    }

    private static InetSocketAddress address(String url, String where) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "Proxy '" + url + "' (" + where
                    + ") is not supported", "the JDK HTTP client speaks only HTTP CONNECT proxies",
                    "use an http:// proxy"));
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return InetSocketAddress.createUnresolved(uri.getHost(), port);
    }

    private static String first(Map<String, String> env, String upper, String lower) {
        String v = env.get(upper);
        if (v == null || v.isBlank()) {
            v = env.get(lower);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return isIpLiteral(host) && InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean noProxy(String noProxy, String host, int port) {
        if (noProxy == null) {
            return false;
        }
        for (String raw : noProxy.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            if (entry.contains("/")) {
                if (inCidr(entry, host)) {
                    return true;
                }
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && !entry.contains("]") && entry.indexOf(':') == colon) {
                if (!entry.substring(colon + 1).equals(String.valueOf(port))) {
                    continue;
                }
                entry = entry.substring(0, colon);
            }
            String domain = entry.startsWith("*.") ? entry.substring(1) : entry;
            if (host.equals(domain.startsWith(".") ? domain.substring(1) : domain)
                    || (!isIpLiteral(host) && host.endsWith(domain.startsWith(".") ? domain : "." + domain))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inCidr(String cidr, String host) {
        if (!isIpLiteral(host)) {
            return false;
        }
        try {
            String[] parts = cidr.split("/");
            byte[] net = InetAddress.ofLiteral(parts[0]).getAddress();
            byte[] ip = InetAddress.ofLiteral(host).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (net.length != ip.length) {
                return false;
            }
            int total = net.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(total - bits).subtract(BigInteger.ONE));
            return new BigInteger(1, net).and(mask).equals(new BigInteger(1, ip).and(mask));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }
}
