package io.mirrorscope.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.inventory.ResourceMeta;
import io.mirrorscope.core.inventory.TracingBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Choosing a tracing back-end from the inventory by name, and its Route URL. */
class TracingEndpointsTest {

    private static TracingBackend backend(String kind, String namespace, String name, String service, String url) {
        ResourceMeta meta = new ResourceMeta(kind, "v1", namespace, name, "uid-" + name, Instant.EPOCH, Map.of(),
                () -> "");
        return new TracingBackend(meta, service, 16686, url, null, List.of(), List.of());
    }

    private final TracingBackend jaeger = backend("Jaeger", "tracing", "simplest", "simplest-query",
            "https://simplest-tracing.apps.example.com");
    private final TracingBackend tempo = backend("TempoStack", "observability", "tempo", "tempo-tempo-query-frontend",
            null);

    private static Problem problem(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            return e.problem();
        }
        throw new AssertionError("expected a problem");
    }

    @Test
    void theOnlyBackEndNeedsNoName() {
        assertThat(TracingEndpoints.choose(List.of(jaeger), null)).isSameAs(jaeger);
    }

    @Test
    void byNameOrNamespaceSlashName() {
        assertThat(TracingEndpoints.choose(List.of(jaeger, tempo), "tempo")).isSameAs(tempo);
        assertThat(TracingEndpoints.choose(List.of(jaeger, tempo), "tracing/simplest")).isSameAs(jaeger);
    }

    @Test
    void severalWithoutANameIsUsageAndListsThem() {
        Problem p = problem(() -> TracingEndpoints.choose(List.of(jaeger, tempo), null));
        assertThat(p.kind()).isEqualTo(Problem.Kind.USAGE);
        assertThat(p.title()).contains("Jaeger tracing/simplest", "TempoStack observability/tempo");
        assertThat(p.hint()).contains("--backend");
    }

    @Test
    void noneOrAWrongNameIsNotFound() {
        assertThat(problem(() -> TracingEndpoints.choose(List.of(), null)).hint()).contains("--jaeger");
        Problem wrong = problem(() -> TracingEndpoints.choose(List.of(jaeger), "nope"));
        assertThat(wrong.kind()).isEqualTo(Problem.Kind.NOT_FOUND);
        assertThat(wrong.detail()).isEqualTo("found: Jaeger tracing/simplest");
    }

    @Test
    void routeUsesTheHostWithTheTokenAndNeedsOne() {
        assertThat(TracingEndpoints.route(jaeger, "tok").describe()).isEqualTo(
                "https://simplest-tracing.apps.example.com");
        assertThat(problem(() -> TracingEndpoints.route(tempo, "tok")).title())
                .isEqualTo("TempoStack tempo has no Route or ingress host");
        assertThat(new HttpTransport("http://jaeger:16686/jaeger/", null, Duration.ofSeconds(1)).describe())
                .isEqualTo("http://jaeger:16686/jaeger");
    }
}
