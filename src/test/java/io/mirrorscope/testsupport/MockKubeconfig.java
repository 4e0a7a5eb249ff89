package io.mirrorscope.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The kubeconfig the tests point at a mock API server: one cluster {@code mock}, one user {@code dev}, one context
 * {@code seed} in namespace {@code amq-streams}, which is the current one.
 */
public final class MockKubeconfig {

    /** The user's token when a test has no reason to choose one. */
    public static final Map<String, String> TOKEN_USER = Map.of("token", "not-a-real-token");

    private MockKubeconfig() {
    }

    /** Writes the kubeconfig for {@code server} with {@link #TOKEN_USER} to a new temporary file. */
    public static Path temp(URL server) {
        try {
            return write(Files.createTempFile("mirrorscope-kubeconfig", ".yaml"), server, TOKEN_USER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the kubeconfig for {@code server} with {@link #TOKEN_USER} to {@code file}. */
    public static Path write(Path file, URL server) {
        return write(file, server, TOKEN_USER);
    }

    /** Writes the kubeconfig for {@code server} to {@code file}, the user {@code dev} holding {@code user}'s fields. */
    public static Path write(Path file, URL server, Map<String, String> user) {
        String fields = user.entrySet().stream().map(e -> "    " + e.getKey() + ": " + e.getValue() + "\n")
                .collect(Collectors.joining());
        try {
            Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: mock
                      cluster: {server: "%s"}
                    users:
                    - name: dev
                      user:
                    %scontexts:
                    - name: seed
                      context: {cluster: mock, user: dev, namespace: amq-streams}
                    current-context: seed
                    """.formatted(server, fields));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
