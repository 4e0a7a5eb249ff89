package io.mirrorscope.kafka.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.mirror.OffsetSync;
import org.junit.jupiter.api.Test;

/** Our decoder against bytes written by MirrorMaker 2's own {@link OffsetSync} (connect-mirror, test scope). */
class OffsetSyncReaderTest {

    private static byte[] call(OffsetSync sync, String method) throws Exception {
        // MM2 writes the record with these package-private methods; reflection reaches exactly those bytes
        Method m = OffsetSync.class.getDeclaredMethod(method);
        m.setAccessible(true);
        return (byte[]) m.invoke(sync);
    }

    @Test
    void decodesWhatMirrorMakerWrites() throws Exception {
        OffsetSync real = new OffsetSync(new TopicPartition("my-topic", 7), 123_456_789_012L, 42L);
        OffsetSyncReader.Sync sync = OffsetSyncReader.decode(call(real, "recordKey"), call(real, "recordValue"));
        assertThat(sync).isEqualTo(new OffsetSyncReader.Sync("my-topic", 7, 123_456_789_012L, 42L));
        assertThat(OffsetSyncReader.KEY_SCHEMA.toString()).isEqualTo(OffsetSync.KEY_SCHEMA.toString());
        assertThat(OffsetSyncReader.VALUE_SCHEMA.toString()).isEqualTo(OffsetSync.VALUE_SCHEMA.toString());
    }

    @Test
    void anythingElseIsNotASync() {
        assertThat(OffsetSyncReader.decode(null, new byte[16])).isNull();
        assertThat(OffsetSyncReader.decode(new byte[] {0, 9, 'x'}, new byte[3])).isNull();
        assertThat(OffsetSyncReader.topicFor("us-cluster")).isEqualTo("mm2-offset-syncs.us-cluster.internal");
    }
}
