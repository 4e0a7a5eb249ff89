package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth, exec cluster info and interactive mode, OIDC refresh and proxy-url, against the mock API server. */
class MoreCredentialsTest {

    private static MockApiServer api;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        api = new MockApiServer();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.acceptedTokens.clear();
        api.seen.clear();
    }

    private void listNamespaces(Path kubeconfig) {
        try (KubeSession session = KubeSession.open(Kubeconfig.load(kubeconfig, null, dir), null, null)) {
            session.client().namespaces().list();
        }
    }

    @Test
    void usernameAndPasswordAreBasicAuth() throws Exception {
        listNamespaces(api.kubeconfig(dir, "basic", "kafka", "username: gina\npassword: s3cret"));
        assertThat(api.seen).extracting(MockApiServer.Seen::authorization).containsExactly(
                "Basic " + Base64.getEncoder().encodeToString("gina:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void execPluginGetsClusterInfoAndItsEnvironment() throws Exception {
        Path script = dir.resolve("plugin");
        Files.writeString(script, """
                #!/bin/sh
                printf '%s' "$KUBERNETES_EXEC_INFO" > "$(dirname "$0")/exec-info.json"
                echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential",\
                "status":{"token":"'"$GREETING"'"}}'
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        listNamespaces(api.kubeconfig(dir, "exec", "kafka", """
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: ./plugin
                  provideClusterInfo: true
                  env:
                  - name: GREETING
                    value: hello-token
                """));
        assertThat(api.seen).extracting(MockApiServer.Seen::authorization).containsExactly("Bearer hello-token");
        JsonNode info = new ObjectMapper().readTree(dir.resolve("exec-info.json").toFile());
        assertThat(info.path("kind").asText()).isEqualTo("ExecCredential");
        assertThat(info.path("apiVersion").asText()).isEqualTo("client.authentication.k8s.io/v1beta1");
        assertThat(info.path("spec").path("interactive").asBoolean(true)).isFalse();
        assertThat(info.path("spec").path("cluster").path("server").asText()).isEqualTo(api.url());
        assertThat(Base64.getDecoder().decode(info.path("spec").path("cluster").path("certificate-authority-data")
                .asText())).isEqualTo(Files.readAllBytes(api.certificate()));
    }

    @Test
    void interactiveModeAlwaysNeedsATerminal() throws Exception {
        Path script = dir.resolve("login");
        Files.writeString(script, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path kc = api.kubeconfig(dir, "sso", "kafka", """
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./login
                  interactiveMode: Always
                """);
        try (KubeSession session = KubeSession.open(Kubeconfig.load(kc, null, dir), null, null)) {
            RuntimeException failure = catchThrowableOfType(RuntimeException.class,
                    () -> session.client().namespaces().list());
            assertThat(session.problem(failure).oneLine()).isEqualTo("Exec credential plugin '" + script
                    + "' for context sso (user alice) needs an interactive terminal (interactiveMode: Always) — run "
                    + "`mirrorscope` once in a terminal or log in with the provider's own tool first");
        }
        assertThat(api.seen).isEmpty();
    }

    @Test
    void expiredOidcIdTokenIsRefreshedInMemory() throws Exception {
        List<String> tokenRequests = new CopyOnWriteArrayList<>();
        String fresh = jwt(Instant.now().plusSeconds(3600));
        HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = "http://127.0.0.1:" + idp.getAddress().getPort();
        idp.createContext("/.well-known/openid-configuration", ex -> respond(ex,
                "{\"issuer\":\"" + issuer + "\",\"token_endpoint\":\"" + issuer + "/token\"}"));
        idp.createContext("/token", ex -> {
            tokenRequests.add(ex.getRequestMethod() + " " + new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            respond(ex, "{\"id_token\":\"" + fresh + "\",\"refresh_token\":\"r2\",\"token_type\":\"Bearer\"}");
        });
        idp.start();
        try {
            api.acceptedTokens.add(fresh);
            String expired = jwt(Instant.now().minusSeconds(60));
            Path kc = api.kubeconfig(dir, "oidc", "kafka", """
                    auth-provider:
                      name: oidc
                      config:
                        client-id: mirrorscope
                        id-token: %s
                        idp-issuer-url: %s
                        refresh-token: r1
                    """.formatted(expired, issuer));
            String before = Files.readString(kc);
            listNamespaces(kc);
            assertThat(api.seen).extracting(MockApiServer.Seen::authorization).containsExactly("Bearer " + fresh);
            assertThat(tokenRequests).containsExactly("POST grant_type=refresh_token&refresh_token=r1"
                    + "&client_id=mirrorscope");
            assertThat(Files.readString(kc)).as("the kubeconfig is never written").isEqualTo(before);
        } finally {
            idp.stop(0);
        }
    }

    @Test
    void proxyUrlTunnelsThroughAnHttpConnectProxy() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy()) {
            Path kc = api.kubeconfig(dir, "proxied", "kafka", "token: t");
            Files.writeString(kc, Files.readString(kc).replace("    server: ",
                    "    proxy-url: http://127.0.0.1:" + proxy.port() + "\n    server: "));
            listNamespaces(kc);
            assertThat(proxy.connects).containsExactly("CONNECT " + api.url().replace("https://", "") + " HTTP/1.1");
        }
        assertThat(api.seen).hasSize(1);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private static String jwt(Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"alice\",\"exp\":" + exp.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    /** A minimal HTTP CONNECT proxy: records each CONNECT line and pipes bytes both ways. */
    private static final class ConnectProxy implements AutoCloseable {
        final List<String> connects = new CopyOnWriteArrayList<>();
        private final ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        private final Thread acceptor;

        ConnectProxy() throws IOException {
            acceptor = Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Thread.ofVirtual().start(() -> handle(client));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        private void handle(Socket client) {
            try (client) {
                InputStream in = client.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int c = in.read();
                    if (c < 0) {
                        return;
                    }
                    head.append((char) c);
                }
                String line = head.toString().lines().findFirst().orElse("");
                connects.add(line);
                String[] target = line.split(" ")[1].split(":");
                try (Socket upstream = new Socket(target[0], Integer.parseInt(target[1]))) {
                    OutputStream out = client.getOutputStream();
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread up = Thread.ofVirtual().start(() -> pipe(in, upstream));
                    pipe(upstream.getInputStream(), client);
                    up.join(2000);
                }
            } catch (IOException | InterruptedException e) {
                // connection ended
            }
        }

        private static void pipe(InputStream from, Socket to) {
            try {
                from.transferTo(to.getOutputStream());
                to.shutdownOutput();
            } catch (IOException e) {
                // one side closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            acceptor.interrupt();
        }
    }
}
