package io.mirrorscope.ui.controls;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/**
 * The one setting of how timestamps are shown: in local time or in UTC. Every table's time column and every view
 * that prints a time binds to one instance (the app makes it; Settings ▸ Time in UTC flips {@link #utcProperty()}),
 * so a screenshot or a copied row never mixes zones. Times always carry milliseconds and have a fixed width
 * ({@code 2026-11-29 08:48:31.042}, 23 characters): records a few milliseconds apart must read apart, and a column
 * of them must line up. The zone is never in the cell, always in the column header ("Time (UTC)").
 */
public final class TimeDisplay {

    /** {@code yyyy-MM-dd HH:mm:ss.SSS}: sortable as text, fixed width, milliseconds. */
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS",
            Locale.ROOT);

    private final ZoneId local;
    private final BooleanProperty utc;
    private final ObservableValue<ZoneId> zone;

    /**
     * @param local the zone "local time" means (the system zone in the app, a fixed one in tests)
     * @param utc   whether times start in UTC
     */
    public TimeDisplay(ZoneId local, boolean utc) {
        this.local = local;
        this.utc = new SimpleBooleanProperty(this, "utc", utc);
        this.zone = this.utc.map(u -> u ? ZoneOffset.UTC : local);
    }

    /** Local time in the system's zone. */
    public static TimeDisplay system() {
        return new TimeDisplay(ZoneId.systemDefault(), false);
    }

    /** True for UTC, false for local time; views bind to it (a toggle in the settings or the View menu). */
    public BooleanProperty utcProperty() {
        return utc;
    }

    /** The zone times are shown in now. */
    public ZoneId zone() {
        return zone.getValue();
    }

    /** The zone as it changes with the setting. */
    public ObservableValue<ZoneId> zoneProperty() {
        return zone;
    }

    /** "UTC", or the local zone's id ("Europe/Berlin"): what a column header says. */
    public String zoneLabel() {
        ZoneId z = zone();
        return z.normalized().equals(ZoneOffset.UTC) ? "UTC" : z.getId();
    }

    /** {@code epochMillis} as {@code yyyy-MM-dd HH:mm:ss.SSS} in {@link #zone()}. */
    public String format(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis).atZone(zone()));
    }

    /** A header that follows the setting: {@code "Time"} gives "Time (UTC)" or "Time (Europe/Berlin)". */
    public ObservableValue<String> header(String title) {
        return Bindings.createStringBinding(() -> title + " (" + zoneLabel() + ")", utc);
    }

    /** The local zone (what "local time" means here). */
    public ZoneId localZone() {
        return local;
    }
}
