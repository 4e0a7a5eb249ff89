package io.mirrorscope.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.mirrorscope.core.Problem;
import io.mirrorscope.testkit.TestCa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KubeSession against the fabric8 mock API server over TLS (its self-signed certificate as the CA). */
class KubeSessionMockServerTest {

    private static MockApiServer api;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        api = new MockApiServer();
        var seed = api.seedClient();
        seed.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("kafka").endMetadata().build())
                .create();
        seed.secrets().inNamespace("kafka").resource(new SecretBuilder().withNewMetadata().withName("s1")
                .endMetadata().build()).create();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.acceptedTokens.clear();
        api.forbiddenPathPrefixes.clear();
        api.seen.clear();
    }

    @Test
    void bearerTokenOverVerifiedTls() throws IOException {
        api.acceptedTokens.add("good-token");
        Path kc = api.kubeconfig(dir, "prod", "kafka", "token: good-token");
        try (KubeSession session = KubeSession.open(Kubeconfig.load(kc, null, dir), null, null)) {
            assertThat(session.context()).isEqualTo("prod");
            assertThat(session.namespace()).isEqualTo("kafka");
            assertThat(session.client().secrets().inNamespace("kafka").list().getItems())
                    .extracting(s -> s.getMetadata().getName()).containsExactly("s1");
        }
        assertThat(api.seen).isNotEmpty().allSatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer good-token"));
    }

    @Test
    void wrongCertificateAuthorityIsATlsProblem() throws IOException {
        Path kc = api.kubeconfig(dir, "prod", "kafka", "token: x");
        // a CA that did not sign the server's certificate
        Path otherCa = dir.resolve("other-ca.crt");
        Files.writeString(otherCa, TestCa.create("other-ca", "kubernetes").certificatePem());
        Files.writeString(kc, Files.readString(kc).replace(api.certificate().toString(), otherCa.toString()));
        try (KubeSession session = KubeSession.open(Kubeconfig.load(kc, null, dir), null, null)) {
            Throwable failure = catchFailure(() -> session.client().namespaces().list());
            Problem p = session.problem(failure);
            assertThat(p.kind()).isEqualTo(Problem.Kind.CONNECTION);
            assertThat(p.title()).startsWith("TLS handshake with " + api.url() + " failed");
        }
        assertThat(api.seen).isEmpty();
    }

    @Test
    void tokenFileIsReReadWhenItChanges() throws IOException {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "first\n");
        api.acceptedTokens.add("first");
        Path kc = api.kubeconfig(dir, "prod", "kafka", "tokenFile: token");
        try (KubeSession session = KubeSession.open(Kubeconfig.load(kc, null, dir), null, null)) {
            session.client().namespaces().list();
            Files.writeString(tokenFile, "second\n");
            Files.setLastModifiedTime(tokenFile, FileTime.from(Instant.now().plusSeconds(5)));
            api.acceptedTokens.clear();
            api.acceptedTokens.add("second");
            session.client().namespaces().list();
            assertThat(session.credentialReloads()).isZero();
        }
        assertThat(api.seen).extracting(MockApiServer.Seen::authorization)
                .containsExactly("Bearer first", "Bearer second");
    }

    @Test
    void a401ReloadsTheCredentialsOnceAndRetries() throws IOException {
        Path script = execScript(null);
        api.acceptedTokens.add("tok-1");
        Path kc = api.kubeconfig(dir, "prod", "kafka", execUser(script));
        try (KubeSession session = KubeSession.open(Kubeconfig.load(kc, null, dir), null, null)) {
            session.client().namespaces().list();
            // the server revokes tok-1; the plugin's next token is accepted
            api.acceptedTokens.clear();
            api.acceptedTokens.add("tok-2");
            assertThat(session.client().namespaces().list().getItems()).isNotEmpty();
            assertThat(session.credentialReloads()).isEqualTo(1);
        }
        assertThat(api.seen).extracting(MockApiServer.Seen::authorization)
                .containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void persistent401IsOneClearMessage() throws IOException {
        api.acceptedTokens.add("something-else");
        Path kc = api.kubeconfig(dir, "prod", "kafka", "token: expired");
        try (KubeSession session = KubeSession.open(Kubeconfig.load(kc, null, dir), null, null)) {
            Problem p = session.problem(catchFailure(() -> session.client().namespaces().list()));
            assertThat(p.oneLine()).isEqualTo("Authentication failed for context prod (user alice): token expired "
                    + "or invalid — run `oc login " + api.url() + "` (or your provider's login) and try again");
            assertThat(p.kind().exitCode()).isEqualTo(3);
        }
    }

    @Test
    void execPluginTokenWithExpiryIsRerunWhenExpired() throws IOException {
        Instant t0 = Instant.parse("2026-11-25T02:00:00Z");
        Path script = execScript("2026-11-25T02:05:00Z");
        api.acceptedTokens.add("tok-1");
        api.acceptedTokens.add("tok-2");
        AtomicReference<Instant> now = new AtomicReference<>(t0);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        Path kc = api.kubeconfig(dir, "prod", "kafka", execUser(script));
        try (KubeSession session = KubeSession.open(Kubeconfig.load(kc, null, dir), null, null,
                new KubeSession.Options(false, clock))) {
            session.client().namespaces().list();
            now.set(t0.plusSeconds(120));
            session.client().namespaces().list();
            now.set(t0.plusSeconds(301));
            session.client().namespaces().list();
            assertThat(session.credentialReloads()).isZero();
        }
        assertThat(api.seen).extracting(MockApiServer.Seen::authorization)
                .containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void forbiddenSaysWhichVerbOnWhichResource() throws IOException {
        api.forbiddenPathPrefixes.add("/api/v1/namespaces/kafka/secrets");
        Path kc = api.kubeconfig(dir, "prod", "kafka", "token: t");
        try (KubeSession session = KubeSession.open(Kubeconfig.load(kc, null, dir), null, null)) {
            Problem p = session.problem(catchFailure(() -> session.client().secrets().inNamespace("kafka").list()));
            assertThat(p.kind()).isEqualTo(Problem.Kind.FORBIDDEN);
            assertThat(p.title())
                    .isEqualTo("Not allowed to list secrets in namespace kafka (context prod, user alice)");
        }
    }

    @Test
    void writesAreRefusedBeforeTheyLeaveTheProcess() throws IOException {
        Path kc = api.kubeconfig(dir, "prod", "kafka", "token: t");
        var guardLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ReadOnlyGuard.class);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        guardLog.addAppender(appender);
        try (KubeSession session = KubeSession.open(Kubeconfig.load(kc, null, dir), null, null)) {
            var ns = new NamespaceBuilder().withNewMetadata().withName("evil").endMetadata().build();
            Throwable failure = catchFailure(() -> session.client().namespaces().resource(ns).create());
            assertThat(session.problem(failure).kind()).isEqualTo(Problem.Kind.INTERNAL);
            assertThat(session.problem(failure).detail()).contains("refused POST /api/v1/namespaces");
            catchFailure(() -> session.client().secrets().inNamespace("kafka").withName("s1").delete());
            assertThat(session.guard().refusedCount()).isEqualTo(2);
        } finally {
            guardLog.detachAppender(appender);
        }
        assertThat(appender.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "Read-only guard refused POST /api/v1/namespaces (a bug in MirrorScope) at "
                                + getClass().getName() + ".lambda$writesAreRefusedBeforeTheyLeaveTheProcess$0:"
                                + lineOf("namespaces().resource(ns).create()"),
                        "Read-only guard refused DELETE /api/v1/namespaces/kafka/secrets/s1 (a bug in MirrorScope) at "
                                + getClass().getName() + ".lambda$writesAreRefusedBeforeTheyLeaveTheProcess$1:"
                                + lineOf("withName(\"s1\").delete()"));
        assertThat(api.seen).isEmpty();
        assertThat(api.seedClient().namespaces().withName("evil").get()).isNull();
    }

    @Test
    void watchesPassTheGuardWithCredentials() throws Exception {
        Path kc = api.kubeconfig(dir, "prod", "kafka", "token: watch-token");
        java.util.concurrent.BlockingQueue<String> events = new java.util.concurrent.LinkedBlockingQueue<>();
        try (KubeSession session = KubeSession.open(Kubeconfig.load(kc, null, dir), null, null);
             var watch = session.client().secrets().inNamespace("kafka").watch(
                     new io.fabric8.kubernetes.client.Watcher<io.fabric8.kubernetes.api.model.Secret>() {
                         @Override
                         public void eventReceived(Action action, io.fabric8.kubernetes.api.model.Secret secret) {
                             events.add(action + " " + secret.getMetadata().getName());
                         }

                         @Override
                         public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
                             // closed by the test
                         }
                     })) {
            api.seedClient().secrets().inNamespace("kafka").resource(new SecretBuilder().withNewMetadata()
                    .withName("s2").endMetadata().build()).create();
            // the mock may first replay what exists (ADDED s1); wait for the new secret
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> events.contains("ADDED s2"));
            assertThat(session.guard().refusedCount()).isZero();
        } finally {
            api.seedClient().secrets().inNamespace("kafka").withName("s2").delete();
        }
        // the seeding client is fabric8's own (not MirrorScope's): only the watch requests are ours
        assertThat(api.seen).filteredOn(s -> s.path().contains("watch=true")).isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.method()).isEqualTo("GET");
                    assertThat(s.authorization()).isEqualTo("Bearer watch-token");
                });
    }

    @Test
    void missingExecCommandNamesTheInstallHint() throws IOException {
        Path kc = api.kubeconfig(dir, "prod", "kafka", """
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: no-such-auth-plugin-xyz
                  interactiveMode: Never
                  installHint: |
                    Install it with: brew install no-such-auth-plugin
                """);
        assertThatThrownBy(() -> KubeSession.open(Kubeconfig.load(kc, null, dir), null, null))
                .isInstanceOf(io.mirrorscope.core.ProblemException.class)
                .hasMessage("Exec credential plugin 'no-such-auth-plugin-xyz' not found for context prod (user alice)"
                        + ": not on PATH — Install it with: brew install no-such-auth-plugin");
    }

    // helpers

    /** The line of this test's source that contains {@code text} (for the logged call site). */
    private static int lineOf(String text) throws IOException {
        List<String> lines = Files.readAllLines(
                Path.of("src/test/java/io/mirrorscope/kube/KubeSessionMockServerTest.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text) && !lines.get(i).contains("lineOf(")) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the call to fail");
    }

    /** A plugin that prints tok-1, tok-2, … (one per run), with the given expiry or none. */
    private Path execScript(String expiry) throws IOException {
        Path script = dir.resolve("issue-token.sh");
        String status = expiry == null ? "\"token\":\"tok-$n\""
                : "\"token\":\"tok-$n\",\"expirationTimestamp\":\"" + expiry + "\"";
        Files.writeString(script, """
                #!/bin/sh
                counter="$(dirname "$0")/runs"
                n=$(( $(cat "$counter" 2>/dev/null || echo 0) + 1 ))
                echo "$n" > "$counter"
                echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{%s}}' \
                  | sed "s/\\$n/$n/"
                """.formatted(status));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static String execUser(Path script) {
        return """
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./%s
                  interactiveMode: Never
                """.formatted(script.getFileName());
    }
}
