package io.mirrorscope.kube;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Every credential value the kube adapter reads (kubeconfig token and password, token file, exec plugin output,
 * OIDC tokens, client keys) passes here first: it is handed to the {@link Redactor}, and a value that will go into
 * an HTTP header is checked, so a stray line break or zero-width space gives a message that names the field and
 * the context instead of the JDK's {@code invalid header value: "Bearer …"} with the token in it.
 */
final class Secrets {

    private Secrets() {
    }

    /**
     * Remembers a bearer token and checks that a header can carry it: visible ASCII only (RFC 6750's token68 is
     * narrower still; the server decides the rest).
     *
     * @param field what the value is and where it came from, e.g. "token of user u (context c)"; never the value
     * @return the token
     */
    static String bearerToken(String token, String field) {
        if (token == null) {
            return null;
        }
        Redactor.remember(token);
        int bad = firstNot(token, true);
        if (bad >= 0) {
            throw invalid(field, token, bad, "an HTTP header cannot carry it");
        }
        return token;
    }

    /**
     * Remembers a user name and password and checks them: no control characters, no ':' in the user name (RFC 7617).
     * Both are base64-encoded into the header, so other characters are fine.
     *
     * @return the value of the {@code Authorization} header
     */
    static String basic(String username, String password, String field) {
        Redactor.remember(password);
        String header = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        Redactor.remember(header.substring("Basic ".length()));
        int bad = firstNot(password, false);
        if (bad >= 0) {
            throw invalid("password of " + field, password, bad, "it cannot be sent");
        }
        bad = firstNot(username, false);
        if (bad < 0) {
            bad = username.indexOf(':');
        }
        if (bad >= 0) {
            throw invalid("username of " + field, username, bad, "it cannot be sent (RFC 7617)");
        }
        return header;
    }

    /** Remembers PEM key material (its base64 lines), so no exception text can show it. */
    static void keyMaterial(String pem) {
        Redactor.rememberPem(pem);
    }

    /** Remembers a secret that is not sent in a header (refresh token, client secret). */
    static void other(String value) {
        Redactor.remember(value);
    }

    /** Index of the first character not allowed, or -1: visible ASCII for tokens, no controls for the rest. */
    private static int firstNot(String value, boolean visibleAsciiOnly) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = visibleAsciiOnly ? c > 0x20 && c < 0x7f : !Character.isISOControl(c)
                    && Character.getType(c) != Character.FORMAT;
            if (!ok) {
                return i;
            }
        }
        return -1;
    }

    private static ProblemException invalid(String field, String value, int at, String consequence) {
        int cp = value.codePointAt(at);
        int position = value.codePointCount(0, at) + 1;
        int length = value.codePointCount(0, value.length());
        String where = position == length ? "at its end (character " + position + ")"
                : "at character " + position + " of " + length;
        return new ProblemException(Problem.of(Problem.Kind.CONNECTION,
                "The " + field + " contains " + describe(cp) + " " + where + "; " + consequence, "",
                hint(cp)));
    }

    static String describe(int cp) {
        String code = String.format("U+%04X", cp);
        return switch (cp) {
            case '\n' -> "a line break (" + code + ")";
            case '\r' -> "a carriage return (" + code + ")";
            case '\t' -> "a tab (" + code + ")";
            case ' ' -> "a space";
            default -> {
                String name = Character.getName(cp);
                yield name == null ? "the character " + code : "the character " + code + " " + name;
            }
        };
    }

    private static String hint(int cp) {
        if (cp == '\n' || cp == '\r') {
            return "the value must be one line: remove the line break (a token file holds the token alone)";
        }
        if (cp > 0x7f) {
            return "remove the character; copying a token from a web page or chat often adds an invisible one";
        }
        return "remove the character and try again";
    }
}
