package io.mirrorscope.tracing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Our own Jaeger fixtures (src/test/resources/jaeger, written for these tests in the shapes of real answers) and
 * the upstream files in ../shared/fixtures/jaeger, which tests use only when present (the default suite stands
 * alone; a test needing them is skipped with "upstream fixtures not present").
 */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] own(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/jaeger/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource jaeger/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An upstream Jaeger fixture, e.g. {@code api/v1-ui-trace_ui_01.json}; skips the test when absent. */
    static byte[] upstream(String relative) {
        Path dir = Path.of("..", "shared", "fixtures", "jaeger").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(dir), "upstream fixtures not present");
        try {
            return Files.readAllBytes(dir.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
