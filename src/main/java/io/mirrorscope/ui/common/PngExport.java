package io.mirrorscope.ui.common;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Writes a node's snapshot as PNG (8-bit RGBA, no interlace), encoded with nothing but {@code java.util.zip}.
 *
 * <p>MirrorScope's runtime ships without AWT's native libraries (jlink.config), so {@code BufferedImage} and
 * {@code ImageIO} are not available to the app: this is the one image format it writes.
 */
public final class PngExport {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int BIT_DEPTH = 8;
    private static final int COLOR_TYPE_RGBA = 6;
    private static final int FILTER_NONE = 0;

    private PngExport() {
    }

    /** Snapshots {@code node} and writes it to {@code file} (creating its folder). FX thread only. */
    public static Path write(Node node, Path file) {
        WritableImage image = node.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, encode(w, h, argb));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** {@code argb} holds {@code width * height} pixels, row by row, as {@code 0xAARRGGBB}. */
    public static byte[] encode(int width, int height, int[] argb) {
        if (width <= 0 || height <= 0 || argb.length != (long) width * height) {
            throw new IllegalArgumentException(
                    "a " + width + "x" + height + " image needs " + (long) width * height + " pixels, not "
                            + argb.length);
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream(64 + argb.length);
            png.write(SIGNATURE);

            ByteArrayOutputStream header = new ByteArrayOutputStream(13);
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(BIT_DEPTH);
            h.writeByte(COLOR_TYPE_RGBA);
            h.writeByte(0); // compression: deflate
            h.writeByte(0); // filter method: adaptive (each row says its filter)
            h.writeByte(0); // no interlace
            chunk(png, "IHDR", header.toByteArray());

            ByteArrayOutputStream pixels = new ByteArrayOutputStream(argb.length);
            byte[] row = new byte[1 + width * 4];
            try (DeflaterOutputStream zlib = new DeflaterOutputStream(pixels)) {
                for (int y = 0; y < height; y++) {
                    row[0] = FILTER_NONE;
                    for (int x = 0, i = 1; x < width; x++) {
                        int p = argb[y * width + x];
                        row[i++] = (byte) (p >>> 16);
                        row[i++] = (byte) (p >>> 8);
                        row[i++] = (byte) p;
                        row[i++] = (byte) (p >>> 24);
                    }
                    zlib.write(row);
                }
            }
            chunk(png, "IDAT", pixels.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams only
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
