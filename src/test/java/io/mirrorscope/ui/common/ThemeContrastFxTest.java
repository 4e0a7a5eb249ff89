package io.mirrorscope.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * WCAG AA contrast (4.5:1 for text) of the colours the app writes text in, against the backgrounds it writes them on,
 * in Primer light and dark as JavaFX resolves them (the real stylesheets, not copied hex values). Translucent
 * backgrounds (Primer dark's "subtle" tints) are composed over the window background first.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class ThemeContrastFxTest {

    /** Text colour, background it is used on, where (for the message). */
    private record Pair(String text, String background, String where) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("-color-fg-default", "-color-bg-default", "text in views"),
            new Pair("-color-fg-muted", "-color-bg-default", "muted text, placeholders, freshness"),
            new Pair("-color-fg-default", "-color-bg-subtle", "navigation, summary header, status bar"),
            new Pair("-color-fg-muted", "-color-bg-subtle", "section headers, context in the status bar"),
            new Pair("-color-fg-default", "-color-bg-inset", "YAML in the code view"),
            new Pair("-color-accent-fg", "-color-bg-inset", "YAML keys"),
            new Pair("-color-success-fg", "-color-bg-default", "live pill, READ-ONLY badge"),
            new Pair("-color-success-fg", "-color-bg-subtle", "READ-ONLY badge in the status bar"),
            new Pair("-color-danger-fg", "-color-bg-default", "failed states"),
            new Pair("-color-warning-fg", "-color-bg-default", "warnings"),
            new Pair("-color-warning-fg", "-color-warning-subtle", "panel messages, TLS badge"),
            new Pair("-color-fg-default", "-color-warning-subtle", "problem banner text"),
            new Pair("-color-fg-emphasis", "-color-accent-emphasis", "selected rows, default button"));

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void textColoursMeetWcagAaInLightAndDark(FxRobot robot) {
        List<String> failures = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> {
                Appearance.apply(dark);
                VBox root = new VBox();
                Scene scene = new Scene(root, 200, 200);
                scene.getStylesheets().add(Styles.STYLESHEET);
                Region window = probe(root, "-color-bg-default");
                root.applyCss();
                Color base = fill(window);
                for (Pair pair : PAIRS) {
                    Region text = probe(root, pair.text());
                    Region back = probe(root, pair.background());
                    root.applyCss();
                    Color bg = over(fill(back), base);
                    Color fg = over(fill(text), bg);
                    double ratio = contrast(fg, bg);
                    String line = (dark ? "dark" : "light") + " " + pair.text() + " on " + pair.background() + " ("
                            + pair.where() + "): " + String.format(java.util.Locale.ROOT, "%.2f", ratio);
                    measured.add(line);
                    if (ratio < 4.5) {
                        failures.add(line);
                    }
                }
                // the placeholder of an empty table as the stylesheet really colours it
                TableView<String> table = new TableView<>();
                Label placeholder = new Label("Nothing here");
                placeholder.getStyleClass().add("placeholder-text");
                table.setPlaceholder(placeholder);
                root.getChildren().add(table);
                stage.setScene(scene);
                root.applyCss();
                root.layout();
                double ratio = contrast(over((Color) placeholder.getTextFill(), base), base);
                measured.add((dark ? "dark" : "light") + " table placeholder: "
                        + String.format(java.util.Locale.ROOT, "%.2f", ratio));
                if (ratio < 4.5) {
                    failures.add((dark ? "dark" : "light") + " table placeholder " + ratio);
                }
            });
        }
        robot.interact(() -> Appearance.apply(false)); // JVM-wide: leave the light palette to later test classes
        System.out.println(String.join("\n", measured));
        assertThat(measured).hasSize(2 * (PAIRS.size() + 1));
        assertThat(failures).as("text colours below WCAG AA (4.5:1)").isEmpty();
    }

    private static Region probe(VBox root, String lookup) {
        Region r = new Region();
        r.setStyle("-fx-background-color: " + lookup + ";");
        root.getChildren().add(r);
        return r;
    }

    private static Color fill(Region region) {
        assertThat(region.getBackground()).as("resolved background of " + region.getStyle()).isNotNull();
        return (Color) region.getBackground().getFills().getFirst().getFill();
    }

    /** {@code top} composed over an opaque {@code bottom} (alpha blending). */
    static Color over(Color top, Color bottom) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + bottom.getRed() * (1 - a),
                top.getGreen() * a + bottom.getGreen() * (1 - a), top.getBlue() * a + bottom.getBlue() * (1 - a));
    }

    /** WCAG 2.x contrast ratio of two opaque colours. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    @Test
    void theRatioOfBlackOnWhiteIs21AndOfEqualColoursIs1() {
        assertThat(contrast(Color.BLACK, Color.WHITE)).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast(Color.web("#767676"), Color.WHITE)).isCloseTo(4.54,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast(Color.GRAY, Color.GRAY)).isEqualTo(1.0);
    }
}
