package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.ResourceMeta;
import io.mirrorscope.core.inventory.TracingBackend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tracing back-end opens a record's trace: the one beside the cluster, the only one, or the user's pick. */
class TraceOpenerTest {

    private static TracingBackend backend(String kind, String namespace, String name) {
        return new TracingBackend(ResourceMeta.of(kind, "v1", namespace, name), name + "-query", 16686, null, null,
                List.of(), List.of());
    }

    private static final TracingBackend EU = backend("Jaeger", "kafka-eu", "jaeger");
    private static final TracingBackend US = backend("Jaeger", "kafka-us", "jaeger");
    private static final TracingBackend TEMPO = backend("TempoStack", "observability", "tempo");

    @Test
    void theBackendInTheRecordsNamespaceWinsWithoutAsking() {
        List<List<TracingBackend>> asked = new ArrayList<>();
        assertThat(TraceOpener.pick(List.of(TEMPO, US, EU), "kafka-us", c -> {
            asked.add(c);
            return null;
        })).contains(US);
        assertThat(asked).isEmpty();
    }

    @Test
    void theOnlyBackendIsUsedFromAnyNamespace() {
        assertThat(TraceOpener.pick(List.of(TEMPO), "kafka-eu", c -> null)).contains(TEMPO);
    }

    @Test
    void severalElsewhereAreOfferedSortedAndTheChoiceOrCancelIsKept() {
        List<List<TracingBackend>> asked = new ArrayList<>();
        assertThat(TraceOpener.pick(List.of(TEMPO, US, EU), "apps", c -> {
            asked.add(c);
            return c.get(1);
        })).contains(US);
        assertThat(asked).singleElement().isEqualTo(List.of(EU, US, TEMPO));
        assertThat(TraceOpener.pick(List.of(TEMPO, US), "apps", c -> null)).as("cancelled").isEmpty();
        assertThat(TraceOpener.pick(List.of(), "apps", c -> EU)).as("none listed").isEmpty();
    }

    @Test
    void twoInTheSameNamespaceAreBothOffered() {
        TracingBackend second = backend("TempoMonolithic", "kafka-eu", "tempo");
        assertThat(TraceOpener.candidates(List.of(US, second, EU), "kafka-eu")).containsExactly(EU, second);
        assertThat(TraceOpener.label(second)).isEqualTo("kafka-eu/tempo (TempoMonolithic)");
    }
}
