package io.mirrorscope.sandbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * The Jaeger clients' header, as the seed's OpenTracing interceptors wrote it:
 * {@code uber-trace-id: <trace-id>:<span-id>:<parent-span-id>:<flags>}, ids in hex without leading zeros, the
 * parent id deprecated ({@code 0}), flag bit 1 = sampled. Extraction also accepts the URL-encoded form.
 */
final class UberTraceIdPropagator implements TextMapPropagator {

    static final String HEADER = "uber-trace-id";

    @Override
    public Collection<String> fields() {
        return List.of(HEADER);
    }

    @Override
    public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (!span.isValid()) {
            return;
        }
        setter.set(carrier, HEADER, unpadded(span.getTraceId()) + ":" + unpadded(span.getSpanId()) + ":0:"
                + (span.isSampled() ? "1" : "0"));
    }

    @Override
    public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
        String value = getter.get(carrier, HEADER);
        if (value == null) {
            return context;
        }
        String[] parts = URLDecoder.decode(value, StandardCharsets.UTF_8).split(":");
        if (parts.length != 4 || !parts[0].matches("[0-9a-fA-F]{1,32}") || !parts[1].matches("[0-9a-fA-F]{1,16}")) {
            return context;
        }
        boolean sampled = (Integer.parseInt(parts[3], 16) & 1) == 1;
        SpanContext remote = SpanContext.createFromRemoteParent(padded(parts[0], 32), padded(parts[1], 16),
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
        return remote.isValid() ? context.with(Span.wrap(remote)) : context;
    }

    private static String unpadded(String hex) {
        return new BigInteger(hex, 16).toString(16);
    }

    private static String padded(String hex, int length) {
        String lower = hex.toLowerCase(java.util.Locale.ROOT);
        return "0".repeat(length - lower.length()) + lower;
    }
}
