package io.mirrorscope.testsupport;

import io.mirrorscope.ui.common.PngExport;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;

/** Saves a node's snapshot as a PNG under {@code target/screenshots/}, so people can look at what tests render. */
public final class Screenshots {

    private Screenshots() {
    }

    /** Snapshots {@code node} on the FX thread and writes {@code target/screenshots/<name>.png}; returns the path. */
    public static Path save(Node node, String name) {
        return write(node, Path.of("target", "screenshots", name + ".png"), name);
    }

    /** As {@link #save}, into {@code target/gallery/}: the screens shown to people (README, reviews). */
    public static Path gallery(Node node, String name) {
        return write(node, Path.of("target", "gallery", name + ".png"), name);
    }

    private static Path write(Node node, Path file, String name) {
        CompletableFuture<Path> written = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                written.complete(PngExport.write(node, file));
            } catch (RuntimeException e) {
                written.completeExceptionally(e);
            }
        });
        try {
            return written.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Snapshot of " + name + " failed", e);
        }
    }
}
