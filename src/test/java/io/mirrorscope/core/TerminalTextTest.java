package io.mirrorscope.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every character a terminal would act on comes out as visible text; everything printable stays as it was. */
class TerminalTextTest {

    /** Characters a terminal acts on: C0, DEL, C1, bidi and other format characters, separators. */
    static boolean dangerous(int cp) {
        return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || Character.getType(cp) == Character.FORMAT
                || cp == 0x2028 || cp == 0x2029;
    }

    @Test
    void escapesWhatATerminalWouldAct() {
        String[][] cases = {
            {"\u001b[2J", "\\e[2J"},
            {"\u001b]0;pwned\u0007", "\\e]0;pwned\\x07"},
            {"ok\rfake", "ok\\rfake"},
            {"a\bb", "a\\x08b"},
            {"line\nnext\ttab", "line\\nnext\\ttab"},
            {"\u009b31m", "\\u009b31m"},
            {"\u0085", "\\u0085"},
            {"invoice\u202Efdp.exe", "invoice\\u202efdp.exe"},
            {"\u2066x\u2069", "\\u2066x\\u2069"},
            {"zero\u200Bwidth", "zero\\u200bwidth"},
            {"del\u007f", "del\\x7f"},
            {"nul\u0000", "nul\\x00"}};
        for (String[] c : cases) {
            assertThat(TerminalText.escape(c[0])).as(c[1]).isEqualTo(c[1]);
        }
    }

    @Test
    void keepsPrintableTextIncludingOtherScriptsAndEmoji() {
        String s = "orders-ü.東京 \uD83D\uDE80 regex\\.* [a-z]+";
        assertThat(TerminalText.escape(s)).isSameAs(s);
        assertThat(TerminalText.escape(null)).isEmpty();
    }

    @Test
    void loneSurrogatesAreEscaped() {
        assertThat(TerminalText.escape("a\uD800b")).isEqualTo("a\\ud800b");
    }

    @Test
    void noDangerousCodePointSurvivesAnywhereInTheBmpAndBeyond() {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp < 0x30000; cp++) {
            if (cp < 0xd800 || cp > 0xdfff) {
                all.appendCodePoint(cp);
            }
        }
        String out = TerminalText.escape(all.toString());
        assertThat(out.codePoints().filter(TerminalTextTest::dangerous).count()).isZero();
    }

    @Test
    void fitCutsWithoutSplittingAnEscape() {
        assertThat(TerminalText.fit("abc\u001b[2Jdef", 6)).isEqualTo("abc\\e…");
        assertThat(TerminalText.fit("abc\u001b[2Jdef", 5)).isEqualTo("abc…");
        assertThat(TerminalText.fit("short", 10)).isEqualTo("short");
        assertThat(TerminalText.fit("\uD83D\uDE80\uD83D\uDE80\uD83D\uDE80", 4)).isEqualTo("\uD83D\uDE80…");
    }
}
