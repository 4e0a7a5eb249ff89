package io.mirrorscope.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How to start a {@link Sandbox}.
 *
 * @param strimziApi which Strimzi API version the Kubernetes API serves
 * @param produceInterval pause between two hello-world records
 * @param faults a fault spec applied once everything runs ({@link SandboxFaults#apply(String)}); empty for none
 * @param progress receives one line per start-up step
 */
public record SandboxOptions(StrimziApi strimziApi, Duration produceInterval, String faults,
        Consumer<String> progress) {

    /** The Strimzi API generations the sandbox can serve. */
    public enum StrimziApi {
        /** The seed: {@code kafka.strimzi.io/v1beta1} (Strimzi ≤ 0.21), with a KafkaMirrorMaker (MM1) CR. */
        V1BETA1,
        /** Strimzi 0.22 – 0.48: {@code v1beta2}, KafkaMirrorMaker2 with {@code clusters[]}. */
        V1BETA2,
        /** Strimzi 1.x: {@code v1}, KafkaMirrorMaker2 with {@code target} and {@code mirrors[].source}. */
        V1;

        public String version() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static StrimziApi parse(String text) {
            for (StrimziApi api : values()) {
                if (api.version().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return api;
                }
            }
            throw new IllegalArgumentException("unknown Strimzi API '" + text + "' (use v1beta1, v1beta2 or v1)");
        }
    }

    public SandboxOptions {
        if (produceInterval.isNegative() || produceInterval.isZero()) {
            throw new IllegalArgumentException("produce interval must be positive");
        }
        SandboxFaults.parse(faults);
        faults = faults == null ? "" : faults;
        progress = progress == null ? line -> { } : progress;
    }

    /** v1beta2, a record every 100 ms, no faults, silent. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(StrimziApi.V1BETA2, Duration.ofMillis(100), "", null);
    }

    public SandboxOptions withStrimziApi(StrimziApi api) {
        return new SandboxOptions(api, produceInterval, faults, progress);
    }

    public SandboxOptions withProduceInterval(Duration interval) {
        return new SandboxOptions(strimziApi, interval, faults, progress);
    }

    public SandboxOptions withFaults(String spec) {
        return new SandboxOptions(strimziApi, produceInterval, spec, progress);
    }

    public SandboxOptions withProgress(Consumer<String> sink) {
        return new SandboxOptions(strimziApi, produceInterval, faults, sink);
    }
}
