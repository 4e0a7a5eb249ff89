package io.mirrorscope.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The {@code oidc} auth-provider: sends {@code id-token}; when it has expired (its JWT {@code exp}) and a
 * {@code refresh-token} is present, asks the issuer's token endpoint (from
 * {@code <idp-issuer-url>/.well-known/openid-configuration}) for a new one. Unlike kubectl, the new tokens stay in
 * memory: MirrorScope never writes the kubeconfig. The token endpoint is the identity provider, not the API server,
 * so the read-only guard does not apply to it.
 */
final class OidcTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EARLY = Duration.ofSeconds(10);
    /** The refresh runs under the credentials' lock: an issuer that never answers must not hold it forever. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, String> config;
    private final String contextName;
    private final String userName;
    private final Clock clock;
    private String idToken;
    private String refreshToken;

    OidcTokens(Map<String, String> config, String contextName, String userName, Clock clock) {
        this.config = config;
        this.contextName = contextName;
        this.userName = userName;
        this.clock = clock;
        this.idToken = config.get("id-token");
        this.refreshToken = config.get("refresh-token");
        Secrets.other(idToken);
        Secrets.other(refreshToken);
        Secrets.other(config.get("client-secret"));
    }

    synchronized String current() {
        if (idToken == null || expired(idToken)) {
            if (refreshToken != null && config.get("idp-issuer-url") != null) {
                refresh();
            }
        }
        return idToken;
    }

    /** After a 401: refresh when possible; true when the token changed. */
    synchronized boolean forceRefresh() {
        if (refreshToken == null || config.get("idp-issuer-url") == null) {
            return false;
        }
        String before = idToken;
        refresh();
        return idToken != null && !idToken.equals(before);
    }

    private boolean expired(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return false;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!claims.has("exp")) {
                return false;
            }
            return !clock.instant().isBefore(Instant.ofEpochSecond(claims.get("exp").asLong()).minus(EARLY));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private void refresh() {
        String issuer = config.get("idp-issuer-url").replaceAll("/+$", "");
        try (HttpClient http = httpClient()) {
            JsonNode discovery = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create(issuer + "/.well-known/openid-configuration")).timeout(REQUEST_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body());
            String tokenEndpoint = discovery.path("token_endpoint").asText(null);
            if (tokenEndpoint == null) {
                throw fail("the issuer " + issuer + " names no token_endpoint");
            }
            StringBuilder form = new StringBuilder("grant_type=refresh_token&refresh_token=")
                    .append(enc(refreshToken));
            if (config.get("client-id") != null) {
                form.append("&client_id=").append(enc(config.get("client-id")));
            }
            if (config.get("client-secret") != null) {
                form.append("&client_secret=").append(enc(config.get("client-secret")));
            }
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw fail("the token endpoint answered HTTP " + response.statusCode());
            }
            JsonNode body = JSON.readTree(response.body());
            String newId = body.path("id_token").asText(null);
            if (newId == null) {
                throw fail("the token endpoint returned no id_token");
            }
            Secrets.other(newId);
            idToken = newId;
            if (body.hasNonNull("refresh_token")) {
                refreshToken = body.get("refresh_token").asText();
                Secrets.other(refreshToken);
            }
        } catch (IOException e) {
            throw fail("cannot reach " + issuer + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("interrupted");
        } catch (GeneralSecurityException e) {
            throw fail("bad idp-certificate-authority: " + e.getMessage());
        }
    }

    private HttpClient httpClient() throws GeneralSecurityException, IOException {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        byte[] ca = null;
        if (config.get("idp-certificate-authority-data") != null) {
            ca = Base64.getDecoder().decode(config.get("idp-certificate-authority-data").strip());
        } else if (config.get("idp-certificate-authority") != null) {
            ca = Files.readAllBytes(java.nio.file.Path.of(config.get("idp-certificate-authority")));
        }
        if (ca != null) {
            List<X509Certificate> certs = Pem.certificates(ca);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, Tls.trustManagers(certs, false, null), null);
            b.sslContext(ssl);
        }
        return b.build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private ProblemException fail(String detail) {
        return new ProblemException(Problem.of(Problem.Kind.CONNECTION,
                "Cannot refresh the OIDC token for context " + contextName + " (user " + userName + ")", detail,
                "log in again with your OIDC login tool (e.g. `kubectl oidc-login`)"));
    }
}
