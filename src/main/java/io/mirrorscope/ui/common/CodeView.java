package io.mirrorscope.ui.common;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A read-only code view for YAML and JSON: RichTextFX's {@link CodeArea} (virtualised: a 5,000-line resource is as
 * quick as a short one), never wrapped, scrolling sideways, with line numbers left out on purpose (copying a block
 * must give the text only). Highlighting comes from the caller as spans of style classes (yaml-key, json-string...),
 * coloured by css/mirrorscope.css from the theme palette.
 */
public final class CodeView extends StackPane {

    /** {@code length} characters styled with {@code styleClass} (empty for plain). */
    public record Span(int length, String styleClass) {
    }

    private final CodeArea area = new CodeArea();

    public CodeView() {
        getStyleClass().add("code-view");
        area.getStyleClass().add("code-area-ms");
        area.setEditable(false);
        area.setWrapText(false);
        area.setAccessibleText("Code");
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        getChildren().add(scroll);
    }

    /** Replaces the text and its highlighting; spans shorter than the text leave the rest plain. */
    public void show(String text, List<Span> spans) {
        area.replaceText(text == null ? "" : text);
        if (text != null && !text.isEmpty()) {
            area.setStyleSpans(0, styleSpans(text.length(), spans));
        }
        area.moveTo(0);
        area.requestFollowCaret();
    }

    /** The text shown. */
    public String text() {
        return area.getText();
    }

    /** The area, to add a context menu or focus it. */
    public CodeArea area() {
        return area;
    }

    private static StyleSpans<Collection<String>> styleSpans(int textLength, List<Span> spans) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int covered = 0;
        for (Span span : spans) {
            int length = Math.min(span.length(), textLength - covered);
            if (length <= 0) {
                continue;
            }
            builder.add(span.styleClass().isEmpty() ? Set.of() : Set.of(span.styleClass()), length);
            covered += length;
        }
        if (covered < textLength) {
            builder.add(Set.of(), textLength - covered);
        }
        return builder.create();
    }
}
