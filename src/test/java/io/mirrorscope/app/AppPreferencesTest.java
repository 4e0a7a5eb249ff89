package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppPreferencesTest {

    private final Preferences node = Preferences.userRoot().node("io/mirrorscope-test/" + UUID.randomUUID());
    private final AppPreferences preferences = new AppPreferences(node);

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void geometryRoundTripsAndTinyWindowsAreIgnored() {
        assertThat(preferences.windowGeometry()).isEmpty();
        preferences.setWindowGeometry(new AppPreferences.WindowGeometry(10, 20, 1024, 700, true));
        assertThat(preferences.windowGeometry()).contains(new AppPreferences.WindowGeometry(10, 20, 1024, 700, true));

        preferences.setWindowGeometry(new AppPreferences.WindowGeometry(0, 0, 50, 40, false));
        assertThat(preferences.windowGeometry()).isEmpty();
    }

    @Test
    void lastConnectionAndTheme() throws BackingStoreException {
        preferences.setLastConnection("sandbox", "amq-streams");
        preferences.setTheme("DARK");
        assertThat(preferences.lastContext()).contains("sandbox");
        assertThat(preferences.lastNamespace()).contains("amq-streams");
        assertThat(preferences.theme()).contains("DARK");

        preferences.setLastConnection("prod", null);
        assertThat(preferences.lastNamespace()).isEmpty();
        // Names only: nothing that looks like a credential is ever stored.
        assertThat(node.keys()).containsExactlyInAnyOrder("last.context", "theme");
    }
}
