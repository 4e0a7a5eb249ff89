package io.mirrorscope.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.Redactor;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The window's side of "secrets never on screen": a failure whose text quotes a credential (the JDK's
 * {@code invalid header value: "Bearer …"} does) reaches the banner and "Copy details" scrubbed.
 */
class ProblemRedactionTest {

    @Test
    void aTokenQuotedByAFailureReachesNeitherTheBannerNorCopyDetails() {
        String token = "sha256~gui-leak-test-" + System.nanoTime() + "\u200b";
        Redactor.remember(token);
        BackgroundWork work = new BackgroundWork(Runnable::run, Runnable::run);
        ProblemSlot slot = new ProblemSlot();

        work.run("Reading the inventory", () -> {
            throw new IOException("invalid header value: \"Bearer " + token + "\"");
        }, slot, null, value -> { });

        ProblemReport shown = slot.get();
        assertThat(shown).isNotNull();
        String strippedToken = token.replace("\u200b", "");
        assertThat(shown.text()).doesNotContain(strippedToken).contains(Redactor.MASK);
        assertThat(shown.details()).doesNotContain(strippedToken);
        assertThat(shown.problem().oneLine()).doesNotContain(strippedToken);
    }

    @Test
    void aBearerValueNobodyRegisteredIsMaskedToo() {
        BackgroundWork work = new BackgroundWork(Runnable::run, Runnable::run);
        ProblemSlot slot = new ProblemSlot();
        work.run("Loading trace", () -> {
            throw new IllegalStateException("401 for Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.unregistered.token");
        }, slot, null, value -> { });
        assertThat(slot.get().details()).doesNotContain("eyJhbGciOiJSUzI1NiJ9.unregistered.token");
    }
}
