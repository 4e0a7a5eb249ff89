package io.mirrorscope.ui.controls;

import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of the Canvas charts, pure so it is tested without a toolkit: nice axis maxima, bar rectangles and a
 * series reduced to one point per pixel column (the maximum, so a spike is never averaged away).
 */
public final class ChartGeometry {

    /** A rectangle in pixels. */
    public record Rect(double x, double y, double w, double h) {
    }

    private ChartGeometry() {
    }

    /** The smallest 1, 2 or 5 × 10^k not below {@code max} (1 for nothing). */
    public static long niceMax(long max) {
        if (max <= 1) {
            return 1;
        }
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * step >= max) {
                    return m * step;
                }
            }
            if (step > Long.MAX_VALUE / 10) {
                return max;
            }
            step *= 10;
        }
    }

    /**
     * Bars for {@code values} side by side in a {@code width} × {@code height} area, bottom aligned, scaled to
     * {@code scaleMax}; a non-zero value is at least one pixel high so it stays visible.
     */
    public static List<Rect> bars(long[] values, long scaleMax, double width, double height, double gap) {
        List<Rect> out = new ArrayList<>(values.length);
        if (values.length == 0 || width <= 0 || height <= 0) {
            return out;
        }
        double slot = width / values.length;
        double w = Math.max(1, slot - gap);
        for (int i = 0; i < values.length; i++) {
            double h = scaleMax <= 0 ? 0 : height * Math.min(1.0, values[i] / (double) scaleMax);
            if (values[i] > 0) {
                h = Math.max(1, h);
            }
            out.add(new Rect(i * slot + (slot - w) / 2, height - h, w, h));
        }
        return out;
    }

    /**
     * A series of (time, value) reduced to the maximum per pixel column over [{@code t0}, {@code t1}]: returns
     * x and y pairs {x0, y0, x1, y1, ...} in pixels (y down), values scaled to {@code scaleMax}.
     */
    public static double[] columnMax(long[] times, long[] values, int count, long t0, long t1, long scaleMax,
            double width, double height) {
        int columns = Math.max(1, (int) width);
        long[] max = new long[columns];
        boolean[] seen = new boolean[columns];
        double span = Math.max(1, t1 - t0);
        for (int i = 0; i < count; i++) {
            if (times[i] < t0 || times[i] > t1 || values[i] < 0) {
                continue;
            }
            int c = (int) Math.min(columns - 1, (times[i] - t0) / span * columns);
            if (!seen[c] || values[i] > max[c]) {
                max[c] = values[i];
                seen[c] = true;
            }
        }
        double[] pts = new double[columns * 2];
        int n = 0;
        for (int c = 0; c < columns; c++) {
            if (seen[c]) {
                pts[n++] = c + 0.5;
                pts[n++] = height - height * Math.min(1.0, max[c] / (double) Math.max(1, scaleMax));
            }
        }
        return java.util.Arrays.copyOf(pts, n);
    }

    /** A duration in ms as a short axis label: "850 ms", "1.2 s", "3 min". */
    public static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            double s = ms / 1000.0;
            return (s == Math.floor(s) ? Long.toString((long) s) : String.format(java.util.Locale.ROOT, "%.1f", s))
                    + " s";
        }
        return ms / 60_000 + " min";
    }

    /** A count as a short label: "950", "12.3k", "4.1M". */
    public static String count(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1fk", n / 1000.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }
}
