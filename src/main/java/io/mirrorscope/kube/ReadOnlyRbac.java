package io.mirrorscope.kube;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The RBAC rules MirrorScope needs: a ClusterRole and a per-namespace Role, read-only (get/list/watch, plus
 * {@code create} on {@code pods/portforward}). The same text is in {@code packaging/rbac/mirrorscope-rbac.yaml}.
 */
public final class ReadOnlyRbac {

    /** The placeholder for the Role's namespace in the YAML. */
    public static final String NAMESPACE_PLACEHOLDER = "NAMESPACE";

    private ReadOnlyRbac() {
    }

    /** The YAML, with the Role's namespace set when {@code namespaceOrNull} is given. */
    public static String yaml(String namespaceOrNull) {
        String text;
        try (InputStream in = ReadOnlyRbac.class.getResourceAsStream("mirrorscope-rbac.yaml")) {
            if (in == null) {
                throw new IllegalStateException("mirrorscope-rbac.yaml missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (namespaceOrNull == null || namespaceOrNull.isBlank()) {
            return text;
        }
        return text.replace("  namespace: " + NAMESPACE_PLACEHOLDER + "\n", "  namespace: " + namespaceOrNull + "\n");
    }
}
