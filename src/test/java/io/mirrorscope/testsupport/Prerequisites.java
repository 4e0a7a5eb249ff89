package io.mirrorscope.testsupport;

import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one place that decides what a missing test prerequisite (an upstream fixture directory, an oracle tool)
 * means: on a developer's machine the test is reported as skipped with the reason; under {@code CI=true} it fails,
 * because CI promises to have everything and a green build with tests silently not run is a lie.
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    /** True when the environment says this is CI ({@code CI=true}, as GitHub Actions and most CI systems set). */
    public static boolean strict(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("CI", "").strip());
    }

    /** Skips (developer machine) or fails (CI) the calling test when {@code present} is false. */
    public static void require(boolean present, String reason) {
        require(present, reason, System.getenv());
    }

    /** {@link #require(boolean, String)} with an explicit environment (tests of this class). */
    public static void require(boolean present, String reason, Map<String, String> env) {
        if (present) {
            return;
        }
        if (strict(env)) {
            Assertions.fail(reason + " (CI=true: a missing prerequisite fails instead of skipping)");
        }
        Assumptions.abort(reason);
    }
}
