package io.mirrorscope.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The one place that knows the secret values this process has read (bearer tokens, token-file contents, passwords,
 * exec plugin and OIDC tokens, private key material) and scrubs them from any text before it reaches a user or a
 * log: {@link Problem} scrubs its texts when it is created, the CLI scrubs what it prints, the log encoder scrubs
 * every line.
 *
 * <p>Process-wide on purpose, unlike every other service: the log appender is created by the logging backend and a
 * {@code Problem} is created deep inside adapters, and both must see every secret any session read, including the
 * secrets of a session that is already closed. Values are kept for the life of the process; a secret read once may
 * still be in an exception text later.
 *
 * <p>Values shorter than {@value #MIN_LENGTH} characters are not remembered: replacing them would mangle ordinary
 * words in messages. Besides the known values, anything that looks like an HTTP credential
 * ({@code Bearer xxxxxxxx}, {@code Basic xxxxxxxx}) is masked too, so a token nobody registered does not leak either.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "<redacted>";
    /** Shorter values are not remembered (see the class comment). */
    public static final int MIN_LENGTH = 8;

    private static final Pattern AUTH_SCHEME = Pattern.compile("\\b(Bearer|Basic) +[A-Za-z0-9._~+/=-]{8,}");
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    /** Longest first, so a secret that contains another is replaced whole. */
    private static volatile List<String> ordered = List.of();

    private Redactor() {
    }

    /**
     * Remembers a secret value. Also remembers its parts between characters that are not visible ASCII (a token
     * with a line break or a zero-width space may be shown split, or with the odd character replaced), and the
     * stripped value.
     */
    public static void remember(String secret) {
        if (secret == null) {
            return;
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(secret);
        candidates.add(secret.strip());
        StringBuilder part = new StringBuilder();
        for (int i = 0; i <= secret.length(); i++) {
            char c = i < secret.length() ? secret.charAt(i) : ' ';
            if (c > 0x20 && c < 0x7f) {
                part.append(c);
            } else {
                candidates.add(part.toString());
                part.setLength(0);
            }
        }
        boolean added = false;
        for (String c : candidates) {
            if (c.length() >= MIN_LENGTH) {
                added |= SECRETS.add(c);
            }
        }
        if (added) {
            synchronized (Redactor.class) {
                List<String> next = new ArrayList<>(SECRETS);
                next.sort(Comparator.comparingInt(String::length).reversed());
                ordered = List.copyOf(next);
            }
        }
    }

    /** Remembers each base64 line of a PEM text (certificates are public, but the key blocks are not). */
    public static void rememberPem(String pem) {
        if (pem == null) {
            return;
        }
        remember(pem);
        pem.lines().map(String::strip).filter(l -> !l.startsWith("-----")).forEach(Redactor::remember);
    }

    /** The text with every remembered secret, and anything that looks like a credential header, masked. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : ordered) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        if (out.contains("Bearer ") || out.contains("Basic ")) {
            out = AUTH_SCHEME.matcher(out).replaceAll("$1 " + MASK);
        }
        return out;
    }

    /** True when the text holds a remembered secret (tests and assertions). */
    public static boolean containsSecret(String text) {
        return text != null && ordered.stream().anyMatch(text::contains);
    }
}
