package io.mirrorscope.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time setting without a toolkit: milliseconds, fixed width, the zone in the header and following the switch. */
class TimeDisplayTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void formatsWithMillisecondsAtAFixedWidthInTheChosenZone() {
        TimeDisplay display = new TimeDisplay(BERLIN, false);
        long whole = Instant.parse("2026-11-29T08:48:31Z").toEpochMilli();
        assertThat(display.format(whole)).isEqualTo("2026-11-29 09:48:31.000");
        assertThat(display.format(whole + 7)).isEqualTo("2026-11-29 09:48:31.007");
        assertThat(display.format(Instant.parse("2026-07-01T00:00:00.123Z").toEpochMilli()))
                .isEqualTo("2026-07-01 02:00:00.123");
        display.utcProperty().set(true);
        assertThat(display.format(whole + 7)).isEqualTo("2026-11-29 08:48:31.007").hasSize(23);
        assertThat(display.zone().getId()).isEqualTo("Z");
    }

    @Test
    void theHeaderNamesTheZoneAndFollowsTheSetting() {
        TimeDisplay display = new TimeDisplay(BERLIN, true);
        var header = display.header("Time");
        List<String> seen = new ArrayList<>();
        header.subscribe((String h) -> seen.add(h));
        display.utcProperty().set(false);
        display.utcProperty().set(true);
        assertThat(seen).containsExactly("Time (UTC)", "Time (Europe/Berlin)", "Time (UTC)");
        assertThat(new TimeDisplay(ZoneId.of("UTC"), false).zoneLabel()).isEqualTo("UTC");
    }
}
