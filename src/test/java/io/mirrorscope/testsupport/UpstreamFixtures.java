package io.mirrorscope.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The upstream reference files (Strimzi, Jaeger, Tempo, kubeconfig) that live beside a workspace checkout in
 * {@code ../shared}, never in this repository. Tests that compare against them call {@link #dir()}: where the
 * directory is absent they are skipped with {@link #REASON} (failed under {@code CI=true}, see
 * {@link Prerequisites}); call it from a test method, not {@code @BeforeAll} (see {@link OracleTools}). The default
 * suite reads only the project's own files in {@code src/test/resources}.
 */
public final class UpstreamFixtures {

    /** The skip reason a bare clone reports. */
    public static final String REASON = "upstream fixtures not present (../shared/fixtures)";

    private UpstreamFixtures() {
    }

    /** {@code ../shared} (or the {@code mirrorscope.shared} system property the build sets). */
    public static Path shared() {
        return Path.of(System.getProperty("mirrorscope.shared", "../shared")).toAbsolutePath().normalize();
    }

    /** {@code ../shared/fixtures}, or skips/fails the calling test when it is not there. */
    public static Path dir() {
        return dir(shared(), System.getenv());
    }

    /** {@link #dir()} for a given shared directory and environment (tests of this class). */
    public static Path dir(Path shared, Map<String, String> env) {
        Path fixtures = shared.resolve("fixtures");
        Prerequisites.require(Files.isDirectory(fixtures), REASON, env);
        return fixtures;
    }

    /** One upstream file, {@code relative} to {@code ../shared/fixtures}. */
    public static Path file(String relative) {
        return dir().resolve(relative);
    }

    /** The seed article ({@code ../shared/seed/...}); present wherever the fixtures are. */
    public static Path seedArticle() {
        return dir().getParent().resolve("seed").resolve("000_fc4ecc0ad66ae646.txt");
    }
}
