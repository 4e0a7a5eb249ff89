package io.mirrorscope.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The app's PNG encoder, read back by the JDK's own PNG decoder (ImageIO, available to tests only). */
class PngExportTest {

    @Test
    void everyPixelAndItsAlphaSurviveTheRoundTrip() throws IOException {
        int width = 37;
        int height = 23;
        int[] argb = new int[width * height];
        Random random = new Random(7);
        for (int i = 0; i < argb.length; i++) {
            argb[i] = random.nextInt();
        }
        argb[0] = 0x00000000;
        argb[1] = 0xffffffff;
        argb[2] = 0x80ff0000;

        BufferedImage read = ImageIO.read(new ByteArrayInputStream(PngExport.encode(width, height, argb)));

        assertThat(read.getWidth()).isEqualTo(width);
        assertThat(read.getHeight()).isEqualTo(height);
        assertThat(read.getColorModel().hasAlpha()).isTrue();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertThat(read.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(argb[y * width + x]);
            }
        }
    }

    @Test
    void chunksAreSignatureHeaderDataEndEachWithItsCrc() throws IOException {
        // ImageIO does not check chunk CRCs: other readers (browsers, libpng) reject a file whose CRCs are wrong.
        byte[] png = PngExport.encode(3, 2, new int[] {1, 2, 3, 4, 5, 6});
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(png));
        assertThat(in.readNBytes(8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        List<String> types = new ArrayList<>();
        while (in.available() > 0) {
            int length = in.readInt();
            byte[] typeAndData = in.readNBytes(4 + length);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
            assertThat(in.readInt()).as("CRC of %s", type).isEqualTo((int) crc.getValue());
            types.add(type);
        }
        assertThat(types).containsExactly("IHDR", "IDAT", "IEND");
    }

    @Test
    void aLargeFlatCanvasCompresses() throws IOException {
        int width = 2000;
        int height = 1200;
        int[] argb = new int[width * height];
        java.util.Arrays.fill(argb, 0xff20242a);

        byte[] png = PngExport.encode(width, height, argb);

        assertThat(png.length).isLessThan(width * height / 50);
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getRGB(1999, 1199)).isEqualTo(0xff20242a);
    }

    @Test
    void pixelsThatDoNotMatchTheSizeAreRefused() {
        assertThatThrownBy(() -> PngExport.encode(3, 2, new int[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a 3x2 image needs 6 pixels, not 5");
    }
}
