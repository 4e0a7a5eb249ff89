package io.mirrorscope.tracing;

import io.mirrorscope.testsupport.UpstreamFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

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

    /**
     * An upstream Jaeger fixture, e.g. {@code api/v1-ui-trace_ui_01.json}; skips the test when absent (fails it under
     * {@code CI=true}), through the suite's one rule for upstream files.
     */
    static byte[] upstream(String relative) {
        try {
            return Files.readAllBytes(UpstreamFixtures.file("jaeger/" + relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
