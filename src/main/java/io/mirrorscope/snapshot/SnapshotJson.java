package io.mirrorscope.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.mirrorscope.core.Redactor;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * The one Jackson set-up of snapshot files: strict when reading (unknown fields, missing fields, a null for a
 * number, trailing tokens are errors: a hand-edited file is refused, not half-read), and, when writing, every string
 * and field name passes {@link Redactor#scrub}, so no secret value the session read can enter a snapshot through
 * any JSON entry, whichever writer (inventory, findings, health) produced the text.
 */
final class SnapshotJson {

    /** Writes: every string scrubbed. */
    static final ObjectMapper WRITER = JsonMapper.builder(JsonFactory.builder()
                    .addDecorator((factory, generator) -> new Scrubbing(generator)).build())
            .addModule(module())
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .build();

    /** Reads: strict. */
    static final ObjectMapper READER = JsonMapper.builder()
            .addModule(module())
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private SnapshotJson() {
    }

    /** Instants as ISO-8601 text; a resource's YAML (a supplier in memory) as its text. */
    private static SimpleModule module() {
        SimpleModule m = new SimpleModule("mirrorscope-snapshot");
        m.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(value.toString());
            }
        });
        m.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                try {
                    return Instant.parse(p.getValueAsString());
                } catch (DateTimeParseException | NullPointerException e) {
                    return (Instant) c.handleWeirdStringValue(Instant.class, p.getText(), "not an ISO-8601 time");
                }
            }
        });
        @SuppressWarnings("rawtypes")
        JsonSerializer<Supplier> yaml = new JsonSerializer<>() {
            @Override
            public void serialize(Supplier value, JsonGenerator g, SerializerProvider p) throws IOException {
                Object text = value.get();
                g.writeString(text == null ? "" : text.toString());
            }
        };
        m.addSerializer(Supplier.class, yaml);
        m.addDeserializer(Supplier.class, new JsonDeserializer<>() {
            @Override
            public Supplier<String> deserialize(JsonParser p, DeserializationContext c) throws IOException {
                String text = p.getValueAsString();
                if (text == null) {
                    return (Supplier<String>) c.handleUnexpectedToken(String.class, p);
                }
                return () -> text;
            }
        });
        return m;
    }

    /** A generator whose strings and field names are scrubbed of every secret value the process has read. */
    private static final class Scrubbing extends JsonGeneratorDelegate {
        Scrubbing(JsonGenerator d) {
            super(d, false);
        }

        @Override
        public void writeString(String text) throws IOException {
            delegate.writeString(Redactor.scrub(text));
        }

        @Override
        public void writeString(char[] text, int offset, int len) throws IOException {
            delegate.writeString(Redactor.scrub(new String(text, offset, len)));
        }

        @Override
        public void writeString(SerializableString text) throws IOException {
            delegate.writeString(Redactor.scrub(text.getValue()));
        }

        @Override
        public void writeFieldName(String name) throws IOException {
            delegate.writeFieldName(Redactor.scrub(name));
        }

        @Override
        public void writeFieldName(SerializableString name) throws IOException {
            delegate.writeFieldName(Redactor.scrub(name.getValue()));
        }

        @Override
        public void writeRawValue(String text) throws IOException {
            delegate.writeRawValue(Redactor.scrub(text));
        }
    }
}
