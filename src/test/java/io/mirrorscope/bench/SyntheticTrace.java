package io.mirrorscope.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A generated Jaeger v1 trace (the {@code /api/traces/{id}} envelope) of any size, shaped like a busy Kafka
 * pipeline: 8 services, 40 operations, fan-out up to 12, producer/consumer/server/client kinds, five tags a span
 * (one with a per-span value), a log on every tenth span. Seeded, so every run reads the same bytes.
 */
public final class SyntheticTrace {

    private static final String[] KINDS = {"server", "client", "producer", "consumer", "internal"};

    private SyntheticTrace() {
    }

    public static byte[] v1Json(int spans) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(spans * 640);
        try {
            write(spans, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Streams the JSON out span by span, so a million-span trace never sits in memory as text. */
    static void write(int spans, java.io.OutputStream target) throws java.io.IOException {
        Random random = new Random(42);
        StringBuilder json = new StringBuilder(4096);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        json.append("{\"data\":[{\"traceID\":\"").append(traceId).append("\",\"spans\":[");
        long t0 = 1_764_400_000_000_000L;
        long[] start = new long[spans];
        long[] duration = new long[spans];
        int[] childCount = new int[spans];
        int parentCursor = 0;
        for (int i = 0; i < spans; i++) {
            int parent = -1;
            if (i == 0) {
                start[i] = t0;
                duration[i] = 60_000_000L;
            } else {
                while (childCount[parentCursor] >= 1 + random.nextInt(12) && parentCursor < i - 1) {
                    parentCursor++;
                }
                parent = parentCursor;
                childCount[parent]++;
                long span = Math.max(2, duration[parent]);
                start[i] = start[parent] + (long) (random.nextDouble() * span * 0.5);
                duration[i] = Math.max(1, (long) (random.nextDouble() * (start[parent] + duration[parent] - start[i])));
            }
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"traceID\":\"").append(traceId).append("\",\"spanID\":\"").append(hex(i + 1))
                    .append("\",\"operationName\":\"op-").append(i % 40).append("\",\"references\":[");
            if (parent >= 0) {
                json.append("{\"refType\":\"CHILD_OF\",\"traceID\":\"").append(traceId).append("\",\"spanID\":\"")
                        .append(hex(parent + 1)).append("\"}");
            }
            json.append("],\"startTime\":").append(start[i]).append(",\"duration\":").append(duration[i])
                    .append(",\"tags\":[{\"key\":\"span.kind\",\"type\":\"string\",\"value\":\"")
                    .append(KINDS[i % KINDS.length]).append("\"},{\"key\":\"component\",\"type\":\"string\","
                    + "\"value\":\"java-kafka\"},{\"key\":\"messaging.destination.name\",\"type\":\"string\","
                    + "\"value\":\"orders-").append(i % 16).append("\"},{\"key\":\"messaging.kafka.message.offset\","
                    + "\"type\":\"int64\",\"value\":").append(1_000_000 + i)
                    .append("},{\"key\":\"internal.span.format\","
                    + "\"type\":\"string\",\"value\":\"proto\"}],\"logs\":[");
            if (i % 10 == 0) {
                json.append("{\"timestamp\":").append(start[i]).append(",\"fields\":[{\"key\":\"event\",\"type\":"
                        + "\"string\",\"value\":\"sent\"}]}");
            }
            json.append("],\"processID\":\"p").append(1 + i % 8).append("\",\"warnings\":null}");
            if (json.length() > 2048) {
                target.write(json.toString().getBytes(StandardCharsets.UTF_8));
                json.setLength(0);
            }
        }
        json.append("],\"processes\":{");
        for (int p = 1; p <= 8; p++) {
            json.append(p > 1 ? "," : "").append("\"p").append(p).append("\":{\"serviceName\":\"service-").append(p)
                    .append("\",\"tags\":[{\"key\":\"hostname\",\"type\":\"string\",\"value\":\"node-").append(p)
                    .append("\"}]}");
        }
        json.append("},\"warnings\":null}],\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}");
        target.write(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(long id) {
        return String.format("%016x", id);
    }
}
