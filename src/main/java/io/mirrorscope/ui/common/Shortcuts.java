package io.mirrorscope.ui.common;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the app, in one registry: the menus take their accelerators from here and
 * Help ▸ Keyboard shortcuts lists this enum, so the two cannot drift. A view that adds a key of its own adds it here.
 * Shown texts use JavaFX's own formatting ({@link KeyCombination#getDisplayText()}), the same as in the menus.
 */
public enum Shortcuts {
    CONNECT("Connect to a kubeconfig context", "File", new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN)),
    REFRESH("Refresh the selected view", "File", new KeyCodeCombination(KeyCode.F5)),
    CLOSE_TAB("Close the selected tab", "File", new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN)),
    QUIT("Quit MirrorScope", "File", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN)),
    FIND("Find in the selected view (its search box)", "View",
            new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN)),
    NEXT_TAB("Next tab", "View", new KeyCodeCombination(KeyCode.TAB, KeyCombination.SHORTCUT_DOWN)),
    PREVIOUS_TAB("Previous tab", "View",
            new KeyCodeCombination(KeyCode.TAB, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    FOCUS_NAVIGATION("Move to the navigation tree", "View",
            new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    SHORTCUTS("Show this list of shortcuts", "Help", new KeyCodeCombination(KeyCode.F1)),
    OPEN_ENTRY("Open the selected navigation entry", "Navigation", new KeyCodeCombination(KeyCode.ENTER)),
    CLEAR_SEARCH("Clear the search box", "Search", new KeyCodeCombination(KeyCode.ESCAPE));

    private final String description;
    private final String area;
    private final KeyCombination keys;

    Shortcuts(String description, String area, KeyCombination keys) {
        this.description = description;
        this.area = area;
        this.keys = keys;
    }

    public String description() {
        return description;
    }

    /** The menu or place the shortcut belongs to ("File", "Navigation"...). */
    public String area() {
        return area;
    }

    public KeyCombination keys() {
        return keys;
    }

    /**
     * The keys as menus show them ("Ctrl+K" on Linux and Windows, the command glyph on macOS); JavaFX writes Enter
     * as a return-arrow glyph, spelled out here like the other key names.
     */
    public String display() {
        return keys.getDisplayText().replace("\u21b5", "Enter");
    }
}
