package io.mirrorscope.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/**
 * The app's look: AtlantaFX's Primer light or dark as the user agent stylesheet (every window, dialogs and popups
 * included), with {@link Styles#STYLESHEET} on top. mirrorscope.css reads its colours from Primer's looked-up
 * palette (-color-fg-default, -color-success-fg, ...), so swapping the user agent stylesheet recolours every view.
 */
public final class Appearance {

    private static final String LIGHT = new PrimerLight().getUserAgentStylesheet();
    private static final String DARK = new PrimerDark().getUserAgentStylesheet();

    private Appearance() {
    }

    /** Switches every window to the dark or light palette; FX thread. A no-op when that palette is in use. */
    public static void apply(boolean dark) {
        String wanted = dark ? DARK : LIGHT;
        if (!wanted.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(wanted);
        }
    }

    /** The user agent stylesheet of a palette (the contrast test reads its colours). */
    public static String stylesheet(boolean dark) {
        return dark ? DARK : LIGHT;
    }
}
