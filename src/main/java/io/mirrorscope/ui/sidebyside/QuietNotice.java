package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.ui.common.Styles;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * A quiet in-window notification: a label over the table's corner that shows a text for a few seconds and fades,
 * never a modal and never taking the focus. A newer text replaces the one shown.
 */
final class QuietNotice {

    private final Label label;
    private SequentialTransition running;

    QuietNotice(Label label) {
        this.label = label;
        label.getStyleClass().add(Styles.QUIET_NOTICE);
        label.setFocusTraversable(false);
    }

    void show(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (running != null) {
            running.stop();
        }
        label.setText(text);
        label.setOpacity(1);
        label.setVisible(true);
        PauseTransition hold = new PauseTransition(Duration.seconds(6));
        FadeTransition fade = new FadeTransition(Duration.millis(600), label);
        fade.setToValue(0);
        running = new SequentialTransition(hold, fade);
        running.setOnFinished(e -> label.setVisible(false));
        running.play();
    }

    void stop() {
        if (running != null) {
            running.stop();
        }
    }
}
