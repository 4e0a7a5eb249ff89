package io.mirrorscope.core.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeSpecTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void acceptedForms() {
        assertThat(TimeSpec.parse("2026-11-25T01:00:00Z", NOW, UTC)).isEqualTo(NOW.minusSeconds(3600).toEpochMilli());
        assertThat(TimeSpec.parse("2026-11-25T03:00:00+02:00", NOW, UTC))
                .isEqualTo(NOW.minusSeconds(3600).toEpochMilli());
        assertThat(TimeSpec.parse("2026-11-25T01:00", NOW, ZoneId.of("Europe/Paris")))
                .isEqualTo(Instant.parse("2026-11-25T00:00:00Z").toEpochMilli());
        assertThat(TimeSpec.parse("2026-11-25", NOW, UTC)).isEqualTo(Instant.parse("2026-11-25T00:00:00Z")
                .toEpochMilli());
        assertThat(TimeSpec.parse("1700000000008", NOW, UTC)).isEqualTo(1_700_000_000_008L);
        assertThat(TimeSpec.parse("15m", NOW, UTC)).isEqualTo(NOW.minusSeconds(900).toEpochMilli());
        assertThat(TimeSpec.parse("-2h", NOW, UTC)).isEqualTo(NOW.minusSeconds(7200).toEpochMilli());
        assertThat(TimeSpec.parse("1d", NOW, UTC)).isEqualTo(NOW.minusSeconds(86400).toEpochMilli());
    }

    @Test
    void aLocalTimeWithASpaceAsTheTableShowsIt() {
        assertThat(TimeSpec.parse("2026-11-25 01:00", NOW, ZoneId.of("Europe/Paris")))
                .isEqualTo(Instant.parse("2026-11-25T00:00:00Z").toEpochMilli());
        assertThat(TimeSpec.parse("2026-11-25 01:00:30.250", NOW, UTC))
                .isEqualTo(Instant.parse("2026-11-25T01:00:30.250Z").toEpochMilli());
    }

    @Test
    void badInputSaysWhatWorks() {
        assertThatThrownBy(() -> TimeSpec.parse("yesterday", NOW, UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("15m");
    }
}
