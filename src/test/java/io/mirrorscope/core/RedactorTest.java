package io.mirrorscope.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the redactor masks, and what it leaves alone. */
class RedactorTest {

    @Test
    void aRememberedSecretIsMaskedWholeAndInItsParts() {
        Redactor.remember("redactor-part-one-0123\nredactor-part-two-4567\u200B");
        assertThat(Redactor.scrub("header \"Bearer redactor-part-one-0123\nredactor-part-two-4567\u200B\" refused"))
                .isEqualTo("header \"Bearer " + Redactor.MASK + "\" refused");
        // shown split (a line break turned into a space), or without the invisible character
        assertThat(Redactor.scrub("token redactor-part-one-0123 redactor-part-two-4567 end"))
                .isEqualTo("token " + Redactor.MASK + " " + Redactor.MASK + " end");
    }

    @Test
    void aProblemIsScrubbedWhenItIsMade() {
        Redactor.remember("problem-secret-value-99");
        Problem p = new Problem(Problem.Kind.CONNECTION, "title problem-secret-value-99", "detail "
                + "problem-secret-value-99", "hint problem-secret-value-99", null)
                .withDebugDetail("stderr problem-secret-value-99");
        assertThat(p.title() + p.detail() + p.hint() + p.debugDetail()).doesNotContain("problem-secret-value-99");
        assertThat(p.oneLine()).isEqualTo("title <redacted>: detail <redacted> — hint <redacted>");
    }

    @Test
    void credentialsNobodyRegisteredAreMaskedByTheirScheme() {
        assertThat(Redactor.scrub("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig, next"))
                .isEqualTo("Authorization: Bearer <redacted>, next");
        assertThat(Redactor.scrub("Basic Z2luYTpzM2NyZXQ= was sent")).isEqualTo("Basic <redacted> was sent");
    }

    @Test
    void shortValuesAndOrdinaryWordsAreLeftAlone() {
        Redactor.remember("kafka");
        Redactor.remember("expired");
        assertThat(Redactor.scrub("token expired for kafka; use Basic auth or a Bearer token"))
                .isEqualTo("token expired for kafka; use Basic auth or a Bearer token");
        assertThat(Redactor.containsSecret("kafka")).isFalse();
    }
}
