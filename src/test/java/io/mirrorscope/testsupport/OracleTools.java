package io.mirrorscope.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * External programs used as independent oracles in tests ({@code kubectl}, {@code kcat}, {@code chromium}), found
 * on the {@code PATH} like a shell finds them. A missing tool skips the calling test with the install hint on a
 * developer's machine and fails it under {@code CI=true} (see {@link Prerequisites}), so a class never turns into
 * "Tests run: 0" on a green build. Call {@link #require} from a test method or {@code @BeforeEach}: an abort in
 * {@code @BeforeAll} removes the whole class from the count (surefire reports "Tests run: 0", no skip); a class whose
 * {@code @BeforeAll} needs the tool checks {@link #present} there and leaves the skip to {@code @BeforeEach}.
 */
public final class OracleTools {

    /** kubectl: the reference reader of kubeconfig files and client of the API server. */
    public static final Tool KUBECTL = new Tool("kubectl",
            "install kubectl (https://kubernetes.io/docs/tasks/tools/) or apt-get install -y kubectl");
    /** kcat: an independent, non-Java Kafka producer. */
    public static final Tool KCAT = new Tool("kcat", "apt-get install -y kcat");
    /** Chromium: a real browser that opens the HTML incident report headless (screenshot and DOM). */
    public static final Tool CHROMIUM = new Tool("chromium", "apt-get install -y chromium");

    private OracleTools() {
    }

    /** A program name and how to install it. */
    public record Tool(String name, String install) {
    }

    /** Whether the tool is on the process {@code PATH} (for {@code @BeforeAll}; never skips or fails). */
    public static boolean present(Tool tool) {
        return find(tool.name(), System.getenv().getOrDefault("PATH", "")) != null;
    }

    /** The tool's path on the process {@code PATH}, or skips/fails the calling test. */
    public static Path require(Tool tool) {
        return require(tool, System.getenv());
    }

    /** {@link #require(Tool)} with an explicit environment ({@code PATH}, {@code CI}). */
    public static Path require(Tool tool, Map<String, String> env) {
        Path found = find(tool.name(), env.getOrDefault("PATH", ""));
        Prerequisites.require(found != null, tool.name() + " not found on PATH: " + tool.install(), env);
        return found;
    }

    /** The first executable {@code name} in the directories of {@code path}, or null. */
    public static Path find(String name, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
