package io.mirrorscope.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves a node's snapshot as a PNG under {@code target/screenshots/}, so people can look at what tests render. */
public final class Screenshots {

    private Screenshots() {
    }

    /** Snapshots {@code node} on the FX thread and writes {@code target/screenshots/<name>.png}; returns the path. */
    public static Path save(Node node, String name) {
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                image.complete(node.snapshot(null, null));
            } catch (RuntimeException e) {
                image.completeExceptionally(e);
            }
        });
        try {
            return write(image.get(10, TimeUnit.SECONDS), name);
        } catch (Exception e) {
            throw new IllegalStateException("Snapshot of " + name + " failed", e);
        }
    }

    private static Path write(WritableImage image, String name) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path file = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(buffered, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
