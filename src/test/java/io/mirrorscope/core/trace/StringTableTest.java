package io.mirrorscope.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringTableTest {

    @Test
    void charsAndStringsShareOneIdPerText() {
        StringTable table = new StringTable();
        char[] buffer = "xxhttp.methodyy".toCharArray();
        int fromChars = table.intern(buffer, 2, 11);
        assertThat(table.get(fromChars)).isEqualTo("http.method");
        assertThat(table.intern("http.method")).isEqualTo(fromChars);
        assertThat(table.find("http.method")).isEqualTo(fromChars);
        assertThat(table.intern(buffer, 0, 2)).isNotEqualTo(fromChars);
        assertThat(table.find("nope")).isEqualTo(-1);
        assertThat(table.intern(new char[0], 0, 0)).isEqualTo(table.intern((String) null));
    }

    @Test
    void growsPastManyTextsAndKeepsEveryId() {
        StringTable table = new StringTable();
        int[] ids = new int[10_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = table.intern(("k" + i).toCharArray(), 0, ("k" + i).length());
        }
        for (int i = 0; i < ids.length; i++) {
            assertThat(table.find("k" + i)).isEqualTo(ids[i]);
            assertThat(table.get(ids[i])).isEqualTo("k" + i);
        }
        assertThat(table.size()).isEqualTo(ids.length);
        // add() keeps a text without a lookup entry
        int added = table.add("k1");
        assertThat(table.find("k1")).isEqualTo(ids[1]).isNotEqualTo(added);
    }

    @Test
    void spanIdsFromABufferAsFromAString() {
        char[] hex = "..00f067aa0ba902b7..".toCharArray();
        assertThat(TraceIds.parseSpanId(hex, 2, 16)).isEqualTo(TraceIds.parseSpanId("00f067aa0ba902b7"));
        char[] base64 = "APBnqgupArc=".toCharArray();
        assertThat(TraceIds.parseSpanId(base64, 0, base64.length)).isEqualTo(0x00f067aa0ba902b7L);
    }
}
