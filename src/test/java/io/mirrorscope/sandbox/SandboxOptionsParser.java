package io.mirrorscope.sandbox;

import java.util.List;

/** Parses {@code --strimzi-api X --faults SPEC --interval D} (also {@code --opt=value}) into {@link SandboxOptions}. */
final class SandboxOptionsParser {

    private SandboxOptionsParser() {
    }

    static SandboxOptions parse(List<String> args) {
        SandboxOptions options = SandboxOptions.defaults();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            options = switch (name) {
                case "--strimzi-api" -> options.withStrimziApi(SandboxOptions.StrimziApi.parse(value));
                case "--faults" -> options.withFaults(value);
                case "--interval" -> options.withProduceInterval(SandboxFaults.parseDuration(value));
                case "--mirror-tracing" -> options.withMirrorTracing(SandboxOptions.MirrorTracing.parse(value));
                case "--trace-header" -> options.withTraceHeader(SandboxOptions.TraceHeader.parse(value));
                case "--jaeger-api" -> options.withJaegerV1Search(parseJaegerApi(value));
                default -> throw new IllegalArgumentException("unknown option " + arg
                        + " (use --strimzi-api v1beta1|v1beta2|v1, --faults SPEC, --interval 100ms, "
                        + "--mirror-tracing headers|current-context, --trace-header traceparent|uber-trace-id, "
                        + "--jaeger-api both|v3-only)");
            };
        }
        return options;
    }

    /** {@code both} (v1 and api_v3) or {@code v3-only} (v1 search removed, as in Jaeger after #9260). */
    static boolean parseJaegerApi(String value) {
        return switch (value.trim()) {
            case "both" -> true;
            case "v3-only" -> false;
            default -> throw new IllegalArgumentException("unknown Jaeger API '" + value + "' (use both or v3-only)");
        };
    }
}
