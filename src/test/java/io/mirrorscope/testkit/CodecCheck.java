package io.mirrorscope.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jpountz.lz4.LZ4Factory;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.utils.BufferSupplier;
import org.apache.kafka.common.utils.ByteBufferOutputStream;

/**
 * Round-trips a buffer through each of Kafka's codecs, in memory: what a consumer does with compressed batches.
 * packaging/smoke-test.sh runs it on the installer's runtime with the installer's repacked jars, where the codecs'
 * native libraries (zstd-jni, snappy-java, lz4-java) are kept for this platform only: a wrong pick fails here.
 * Prints one line per codec; exits 1 on the first failure.
 */
public final class CodecCheck {

    private CodecCheck() {
    }

    public static void main(String[] args) throws IOException {
        byte[] data = "Hello world - 42, mirrored from europe-cluster to us-cluster. ".repeat(200)
                .getBytes(StandardCharsets.UTF_8);
        List<Compression> codecs = List.of(Compression.gzip().build(), Compression.snappy().build(),
                Compression.lz4().build(), Compression.zstd().build());
        for (Compression codec : codecs) {
            ByteBufferOutputStream compressed = new ByteBufferOutputStream(1024);
            try (OutputStream out = codec.wrapForOutput(compressed, RecordBatch.CURRENT_MAGIC_VALUE)) {
                out.write(data);
            }
            ByteBuffer buffer = compressed.buffer().flip();
            int size = buffer.remaining();
            byte[] back;
            try (InputStream in = codec.wrapForInput(buffer, RecordBatch.CURRENT_MAGIC_VALUE,
                    BufferSupplier.NO_CACHING)) {
                back = in.readAllBytes();
            }
            if (!Arrays.equals(data, back)) {
                System.out.println("FAILED " + codec.type() + ": the round trip changed the data");
                System.exit(1);
            }
            System.out.println("ok " + codec.type() + ": " + data.length + " -> " + size + " bytes and back");
        }
        // lz4 falls back to Java silently; its native library is one of the three the installer keeps.
        System.out.println("ok lz4 native: " + LZ4Factory.nativeInstance());
    }
}
