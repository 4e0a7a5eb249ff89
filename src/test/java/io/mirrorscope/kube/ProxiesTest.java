package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mirrorscope.core.ProblemException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proxy choice like kubectl: proxy-url, then HTTPS_PROXY/HTTP_PROXY with NO_PROXY and loopback exceptions. */
class ProxiesTest {

    private static Kubeconfig.Cluster cluster(String server, String proxyUrl) {
        return new Kubeconfig.Cluster("c", server, null, null, false, null, proxyUrl, null);
    }

    private static String chosen(String server, String proxyUrl, Map<String, String> env) {
        InetSocketAddress a = Proxies.choose(cluster(server, proxyUrl), env);
        return a == null ? "direct" : a.getHostString() + ":" + a.getPort();
    }

    @Test
    void proxyUrlWinsOverTheEnvironment() {
        assertThat(chosen("https://api.example.test:6443", "http://squid.corp:3128",
                Map.of("HTTPS_PROXY", "http://other:8080"))).isEqualTo("squid.corp:3128");
    }

    @Test
    void socksIsAClearProblem() {
        assertThatThrownBy(() -> chosen("https://api.example.test", "socks5://proxy:1080", Map.of()))
                .isInstanceOf(ProblemException.class)
                .hasMessageStartingWith("Proxy 'socks5://proxy:1080' (proxy-url of cluster c) is not supported");
    }

    @ParameterizedTest(name = "{0} with NO_PROXY={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "https://api.example.test:6443 | '' | proxy.corp:3128",
        "https://api.example.test:6443 | example.test | direct",
        "https://api.example.test:6443 | .example.test | direct",
        "https://api.example.test:6443 | *.example.test | direct",
        "https://api.example.test:6443 | other.test,example.test | direct",
        "https://api.example.test:6443 | ample.test | proxy.corp:3128",
        "https://api.example.test:6443 | api.example.test:6443 | direct",
        "https://api.example.test:6443 | api.example.test:443 | proxy.corp:3128",
        "https://10.1.2.3:6443 | 10.0.0.0/8 | direct",
        "https://10.1.2.3:6443 | 192.168.0.0/16 | proxy.corp:3128",
        "https://10.1.2.3:6443 | 10.1.2.3 | direct",
        "https://api.example.test:6443 | * | direct",
        "https://localhost:6443 | '' | direct",
        "https://127.0.0.1:6443 | '' | direct"})
    void environmentProxyWithExceptions(String server, String noProxy, String expected) {
        Map<String, String> env = new HashMap<>(Map.of("https_proxy", "proxy.corp:3128"));
        env.put("NO_PROXY", noProxy);
        assertThat(chosen(server, null, env)).isEqualTo(expected);
    }

    @Test
    void httpServersUseHttpProxy() {
        assertThat(chosen("http://api.example.test:8080", null, Map.of("HTTPS_PROXY", "http://s:1")))
                .isEqualTo("direct");
        assertThat(chosen("http://api.example.test:8080", null, Map.of("HTTP_PROXY", "http://h:2")))
                .isEqualTo("h:2");
    }
}
