package io.mirrorscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.kube.inventory.InventoryFixtures;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's Jaeger query API answers in the shapes of the real Jaeger payloads (the project's fixtures in
 * fixtures/jaeger/api, kept equal in shape to the upstream ones by UpstreamShapesTest).
 */
class JaegerQueryServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SandboxTracing tracing;
    private static JaegerQueryServer server;
    private static String traceId;

    @BeforeAll
    static void start() throws Exception {
        tracing = new SandboxTracing(new SpanStore(1000));
        Tracer producer = tracing.tracer("svc-a");
        Tracer consumer = tracing.tracer("svc-b");
        Span root = producer.spanBuilder("To_t").setSpanKind(SpanKind.PRODUCER).setParent(Context.root())
                .setAttribute("big", Long.MAX_VALUE).setAttribute("small", 7L).setAttribute("flag", true)
                .setAttribute("ratio", 0.5).startSpan();
        root.end();
        consumer.spanBuilder("From_t").setSpanKind(SpanKind.CONSUMER).setParent(Context.root().with(root))
                .startSpan().end();
        traceId = root.getSpanContext().getTraceId();
        server = new JaegerQueryServer(tracing.store());
    }

    @AfterAll
    static void stop() {
        server.close();
        tracing.close();
    }

    @Test
    void traceByIdHasTheFieldsOfARealJaegerTrace() throws Exception {
        SandboxProbe.Response response = SandboxProbe.get(server.url() + "/api/traces/" + traceId);
        JsonNode real = fixture("v1-envelope-otlp2jaeger-out.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(keys(response.body())).isEqualTo(keys(real));
        JsonNode trace = response.body().get("data").get(0);
        JsonNode realTrace = real.get("data").get(0);
        assertThat(keys(trace)).isEqualTo(keys(realTrace));
        JsonNode child = trace.get("spans").get(1);
        assertThat(keys(child)).isEqualTo(keys(realTrace.get("spans").get(0)));
        assertThat(keys(child.get("references").get(0))).isEqualTo(
                keys(realTrace.get("spans").get(0).get("references").get(0)));
        assertThat(keys(trace.get("processes").get("p1"))).isEqualTo(keys(realTrace.get("processes").get("p1")));
        assertThat(child.get("references").get(0).get("refType").asText()).isEqualTo("CHILD_OF");
        assertThat(child.get("references").get(0).get("spanID").asText())
                .isEqualTo(trace.get("spans").get(0).get("spanID").asText());
        assertThat(trace.get("traceID").asText()).hasSize(32).isEqualTo(traceId);
        assertThat(child.get("spanID").asText()).matches("[0-9a-f]{16}");
    }

    @Test
    void tagsAreTypedLikeJaegersAndBigIntsAreStrings() throws Exception {
        JsonNode span = SandboxProbe.get(server.url() + "/api/traces/" + traceId).body().get("data").get(0)
                .get("spans").get(0);
        List<String> seen = new ArrayList<>();
        span.get("tags").forEach(tag -> {
            assertThat(keys(tag)).containsExactlyInAnyOrder("key", "type", "value");
            seen.add(tag.get("key").asText() + ":" + tag.get("type").asText() + ":" + tag.get("value").getNodeType());
        });
        assertThat(seen).contains("big:int64:STRING", "small:int64:NUMBER", "flag:bool:BOOLEAN",
                "ratio:float64:NUMBER", "span.kind:string:STRING");
        assertThat(span.get("startTime").asLong()).isGreaterThan(1_600_000_000_000_000L);
    }

    @Test
    void servicesOperationsSearchAndErrorsAreShapedLikeJaegers() throws Exception {
        JsonNode services = SandboxProbe.get(server.url() + "/api/services").body();
        assertThat(services.get("data")).extracting(JsonNode::asText).containsExactly("svc-a", "svc-b");
        assertThat(services.get("total").asInt()).isEqualTo(2);

        JsonNode operations = SandboxProbe.get(server.url() + "/api/operations?service=svc-b").body();
        assertThat(operations.get("data").get(0).get("name").asText()).isEqualTo("From_t");
        assertThat(operations.get("data").get(0).get("spanKind").asText()).isEqualTo("consumer");

        JsonNode search = SandboxProbe.get(server.url()
                + "/api/traces?service=svc-b&tags=%7B%22span.kind%22%3A%22consumer%22%7D&limit=20").body();
        assertThat(search.get("data")).hasSize(1);
        assertThat(SandboxProbe.get(server.url() + "/api/traces?service=svc-b&minDuration=1h").body().get("data"))
                .isEmpty();

        SandboxProbe.Response missing = SandboxProbe.get(server.url() + "/api/traces/" + "ab".repeat(16));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("data").isNull()).isTrue();
        assertThat(missing.body().get("errors").get(0).get("code").asInt()).isEqualTo(404);

        JsonNode dependencies = SandboxProbe.get(server.url() + "/api/dependencies?endTs=0&lookback=1").body();
        assertThat(dependencies.get("data").get(0).get("parent").asText()).isEqualTo("svc-a");
        assertThat(dependencies.get("data").get(0).get("child").asText()).isEqualTo("svc-b");
        assertThat(dependencies.get("data").get(0).get("callCount").asInt()).isEqualTo(1);
    }

    @Test
    void apiV3AnswersInOtlpJsonLikeTheFixtures() throws Exception {
        JsonNode real = fixture("api_v3-GetTrace.json");
        JsonNode trace = SandboxProbe.get(server.url() + "/api/v3/traces/" + traceId).body();
        JsonNode realSpan = real.get("result").get("resourceSpans").get(0).get("scopeSpans").get(0).get("spans").get(0);
        JsonNode resourceSpans = trace.get("result").get("resourceSpans");
        assertThat(resourceSpans).hasSize(2);
        JsonNode span = resourceSpans.get(1).get("scopeSpans").get(0).get("spans").get(0);
        assertThat(keys(span)).containsAll(keys(realSpan));
        assertThat(span.get("kind").asInt()).isEqualTo(5);
        assertThat(span.get("traceId").asText()).isEqualTo(traceId);
        assertThat(span.get("parentSpanId").asText()).matches("[0-9a-f]{16}");
        assertThat(span.get("startTimeUnixNano").isTextual()).isTrue();
        assertThat(resourceSpans.get(0).get("resource").get("attributes").toString())
                .contains("{\"key\":\"service.name\",\"value\":{\"stringValue\":\"svc-a\"}}");

        assertThat(SandboxProbe.get(server.url() + "/api/v3/services").body().get("services"))
                .extracting(JsonNode::asText).containsExactly("svc-a", "svc-b");
        assertThat(keys(SandboxProbe.get(server.url() + "/api/v3/operations?service=svc-a").body()
                .get("operations").get(0))).isEqualTo(keys(fixture("api_v3-GetOperations.json")
                .get("operations").get(0)));
        String now = java.time.Instant.now().toString();
        String hourAgo = java.time.Instant.now().minusSeconds(3600).toString();
        JsonNode found = SandboxProbe.get(server.url() + "/api/v3/traces?query.service_name=svc-b"
                + "&query.start_time_min=" + hourAgo + "&query.start_time_max=" + now).body();
        assertThat(found.get("result").get("resourceSpans")).hasSize(2);
        assertThat(SandboxProbe.get(server.url() + "/api/v3/traces/" + "ab".repeat(16)).status()).isEqualTo(404);
    }

    @Test
    void withoutV1SearchOnlyTraceByIdAndApiV3Remain() throws Exception {
        try (JaegerQueryServer v3only = new JaegerQueryServer(tracing.store(), false)) {
            assertThat(http(v3only.url() + "/api/services")).isEqualTo(404);
            assertThat(http(v3only.url() + "/api/traces?service=svc-a")).isEqualTo(404);
            assertThat(http(v3only.url() + "/api/traces/" + traceId)).isEqualTo(200);
            assertThat(http(v3only.url() + "/api/v3/services")).isEqualTo(200);
        }
    }

    private static int http(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }

    private static JsonNode fixture(String name) throws Exception {
        return JSON.readTree(InventoryFixtures.fixture("jaeger/api/" + name).toFile());
    }
}
