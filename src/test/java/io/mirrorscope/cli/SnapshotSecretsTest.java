package io.mirrorscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.snapshot.MirrorWindow;
import io.mirrorscope.core.snapshot.RecordSet;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.TraceDocument;
import io.mirrorscope.kafka.StrimziClusterReader;
import io.mirrorscope.kube.inventory.InventoryFixtures;
import io.mirrorscope.kube.inventory.StrimziMockServer;
import io.mirrorscope.snapshot.SnapshotReader;
import io.mirrorscope.snapshot.SnapshotSamples;
import io.mirrorscope.snapshot.SnapshotWriter;
import io.mirrorscope.testkit.TestCa;
import io.mirrorscope.testsupport.MockKubeconfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never enter a snapshot or its report. A session reads real secrets (a kubeconfig token and client key,
 * KafkaUser secrets with a PKCS#1 key, a PKCS#12 store and its password, SCRAM passwords) from a mock API server in
 * CRUD mode; the resources themselves quote some of them (an annotation, a status message), records carry them in
 * keys, values and headers, and a trace carries a bearer token and a key line. Every byte of the snapshot file, of
 * each unzipped entry, of each record read back, and of the HTML report is scanned for every secret value.
 */
class SnapshotSecretsTest {

    private static final String NS = "amq-streams";
    private static final String TOKEN = "kube-token-9f8e7d6c5b4a39281706";
    private static final String SCRAM_PASSWORD = "scram-pw-Zx81Qp0Lm2Nb";
    private static final String TLS_USER_PASSWORD = "p12-pw-Hq77Tr3Kd9Wv";
    static StrimziMockServer server;
    static TestCa.IssuedCert tlsUser;
    static TestCa.IssuedCert kubeUser;
    @TempDir
    static Path dir;
    static Path kubeconfig;

    @BeforeAll
    static void setUp() throws Exception {
        server = CliRunner.seedServer(r -> {
            if (r.getKind().equals("Kafka")) {
                // a status that quotes a credential, as a failing operator's message might
                InventoryFixtures.set(r, List.of(Map.of("type", "Ready", "status", "False", "message",
                        "authentication failed with token " + TOKEN)), "status", "conditions");
            }
            if (r.getKind().equals("KafkaMirrorMaker")) {
                r.getMetadata().setAnnotations(Map.of("ops/debug", "scram password is " + SCRAM_PASSWORD));
            }
        });
        TestCa clients = TestCa.clientsCa("europe-cluster");
        tlsUser = clients.issueUser("my-europe-user");
        kubeUser = clients.issueUser("kube-admin");
        server.client().secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata()
                .withName("my-europe-user").endMetadata().withData(base64(tlsUser.strimziUserSecretData(
                        TLS_USER_PASSWORD))).build()).create();
        Map<String, byte[]> scram = new LinkedHashMap<>();
        scram.put("password", SCRAM_PASSWORD.getBytes(StandardCharsets.UTF_8));
        scram.put("sasl.jaas.config", ("org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"my-us-user\" password=\"" + SCRAM_PASSWORD + "\";").getBytes(StandardCharsets.UTF_8));
        server.client().secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata()
                .withName("my-us-user").endMetadata().withData(base64(scram)).build()).create();
        Map<String, String> user = new LinkedHashMap<>();
        user.put("token", TOKEN);
        user.put("client-certificate-data", b64(kubeUser.certificatePem()));
        user.put("client-key-data", b64(kubeUser.privateKeyPkcs1Pem()));
        kubeconfig = MockKubeconfig.write(dir.resolve("config"), server.client().getMasterUrl(), user);
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void noSecretTheSessionReadIsInTheSnapshotOrTheReport() throws Exception {
        // the session reads the KafkaUser secrets the way a connection to the brokers does
        StrimziClusterReader reader = new StrimziClusterReader(server.client(), NS);
        Map<String, byte[]> tlsData = reader.userSecret("my-europe-user");
        Map<String, byte[]> scramData = reader.userSecret("my-us-user");
        assertThat(tlsData).containsKeys("user.key", "user.p12", "user.password");
        assertThat(scramData).containsKeys("password", "sasl.jaas.config");
        Path file = dir.resolve("incident.msnap");
        Path html = dir.resolve("report.html");
        CliRunner cli = new CliRunner();
        int exit = cli.run("snapshot", "--kubeconfig", kubeconfig.toString(), "-o", file.toString(), "--html",
                html.toString());
        assertThat(exit).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).startsWith("Wrote " + file);

        // the resources did quote secrets: without the scrubbing they would be in the file
        Snapshot read = SnapshotReader.read(file);
        assertThat(read.inventory().clusters().getFirst().conditions().getFirst().message())
                .isEqualTo("authentication failed with token <redacted>");
        assertThat(read.inventory().mirrors().getFirst().meta().yaml().get()).contains("scram password is <redacted>");

        // the same snapshot with a window whose records and trace carry secrets
        List<String> secrets = secrets(tlsData);
        MirrorWindow sample = SnapshotSamples.window(20, 1 << 20);
        List<RawRecord> leaky = new ArrayList<>(sample.sourceRecords().records());
        leaky.add(new RawRecord(0, 99, SnapshotSamples.T0, "CreateTime", ("user " + SCRAM_PASSWORD).getBytes(),
                ("{\"auth\":\"Bearer " + TOKEN + "\",\"key\":\"" + secrets.get(secrets.size() - 1) + "\"}")
                        .getBytes(StandardCharsets.UTF_8), List.of(new RawRecord.Header("authorization",
                        ("Basic " + TLS_USER_PASSWORD).getBytes(StandardCharsets.UTF_8)))));
        MirrorWindow window = new MirrorWindow(sample.mirror(), 0, sample.sourceBootstrap(), sample.sourceTopic(),
                sample.targetBootstrap(), sample.targetTopic(), -1, 0, 1, "reason with " + TOKEN, List.of(),
                sample.findings(), new RecordSet(leaky, 1 << 20, 0), sample.targetRecords());
        String trace = new String(SnapshotSamples.resource("/jaeger/v1-trace-shapes.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"tags\": \\[", "\"tags\": [{\"key\": \"http.request.header.authorization\", "
                        + "\"type\": \"string\", \"value\": \"Bearer " + TOKEN + "\"}, {\"key\": \"pw\", \"type\": "
                        + "\"string\", \"value\": \"" + SCRAM_PASSWORD + "\"},");
        assertThat(trace).contains(TOKEN);
        Snapshot withWindow = new Snapshot(read.header(), read.inventory(), window, Map.of("note", TOKEN),
                List.of(new TraceDocument("7f3a9c2e1b4d5f60a1b2c3d4e5f60718", TraceDocument.Format.JAEGER,
                        trace.getBytes(StandardCharsets.UTF_8))));
        Path full = dir.resolve("full.msnap");
        SnapshotWriter.write(withWindow, full);
        Path fullHtml = dir.resolve("full.html");
        OpenCommand.writeReport(withWindow, fullHtml);

        for (Path f : List.of(file, full)) {
            assertNoSecret(f.toString(), Files.readAllBytes(f), secrets);
            try (ZipFile zip = new ZipFile(f.toFile())) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    assertNoSecret(f + "!" + e.getName(), zip.getInputStream(e).readAllBytes(), secrets);
                }
            }
            Snapshot back = SnapshotReader.read(f);
            if (back.window() != null) {
                for (RecordSet set : List.of(back.window().sourceRecords(), back.window().targetRecords())) {
                    for (RawRecord r : set.records()) {
                        assertNoSecret("record key", r.key(), secrets);
                        assertNoSecret("record value", r.value(), secrets);
                        r.headers().forEach(h -> assertNoSecret("header " + h.name(), h.value(), secrets));
                    }
                }
                assertThat(new String(back.window().sourceRecords().records().getLast().value(),
                        StandardCharsets.UTF_8)).contains("Bearer <redacted>");
                assertThat(back.traces().getFirst().body()).isNotEmpty();
            }
        }
        assertNoSecret(html.toString(), Files.readAllBytes(html), secrets);
        assertNoSecret(fullHtml.toString(), Files.readAllBytes(fullHtml), secrets);
        assertThat(Files.readString(html)).contains("Ready=False: authentication failed with token &lt;redacted&gt;");
    }

    /** Every secret value read, in every form it could be written in: as text, PEM lines, base64 of the text. */
    private static List<String> secrets(Map<String, byte[]> tlsData) {
        Set<String> s = new LinkedHashSet<>(List.of(TOKEN, SCRAM_PASSWORD, TLS_USER_PASSWORD));
        s.add(Base64.getEncoder().encodeToString(tlsData.get("user.p12")));
        for (String pem : List.of(tlsUser.privateKeyPkcs1Pem(), tlsUser.privateKeyPkcs8Pem(),
                kubeUser.privateKeyPkcs1Pem(), kubeUser.privateKeyPkcs8Pem())) {
            pem.lines().map(String::strip).filter(l -> !l.startsWith("-----") && l.length() >= 16).forEach(s::add);
            s.add(b64(pem));
        }
        for (String plain : List.of(TOKEN, SCRAM_PASSWORD, TLS_USER_PASSWORD)) {
            s.add(b64(plain));
        }
        return new ArrayList<>(s);
    }

    private static void assertNoSecret(String where, byte[] bytes, List<String> secrets) {
        if (bytes == null) {
            return;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
            assertThat(text.contains(secret)).as("%s holds a secret (%s…)", where, secret.substring(0, 6)).isFalse();
        }
    }

    private static Map<String, String> base64(Map<String, byte[]> data) {
        Map<String, String> out = new LinkedHashMap<>();
        data.forEach((k, v) -> out.put(k, Base64.getEncoder().encodeToString(v)));
        return out;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
