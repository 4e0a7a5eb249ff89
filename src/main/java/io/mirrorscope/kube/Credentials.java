package io.mirrorscope.kube;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every credential rule of a kubeconfig context in one place, in front of fabric8 (whose own {@code Config} is
 * given only the server URL): TLS trust and client certificates ({@link Tls}, {@link Pem}), bearer token,
 * {@code tokenFile} (re-read when its modification time changes), exec plugins ({@link ExecPlugin}: token or
 * client certificate, expiry), the {@code oidc} auth-provider ({@link OidcTokens}) and basic auth.
 *
 * <p>As the fabric8 interceptor that replaces fabric8's own token refresher, it sets {@code Authorization} on each
 * request and, on a 401, reloads the credentials once and retries when they changed. Precedence follows
 * client-go: token / tokenFile, then exec, then auth-provider, then username/password.
 *
 * <p>Limit: a client certificate that an exec plugin renews is presented on new TLS connections; a connection the
 * JDK HTTP client keeps open goes on with the certificate it was opened with until it closes.
 */
final class Credentials implements Interceptor {

    /** Interceptor name of fabric8's own token refresher, which this replaces. */
    static final String NAME = "TOKEN";

    private static final Logger LOG = LoggerFactory.getLogger(Credentials.class);

    private final Kubeconfig.Resolved resolved;
    private final String contextName;
    private final String userName;
    private final Tls.SwappableKeyManager keyManager = new Tls.SwappableKeyManager();
    private final TrustManager[] trustManagers;
    private final ExecPlugin exec;
    private final OidcTokens oidc;
    private final Path tokenFile;
    private final String staticToken;
    private final String basic;
    private String tokenFromFile;
    private FileTime tokenFileTime;
    private volatile int reloads;

    Credentials(Kubeconfig.Resolved resolved, boolean terminal, Clock clock, java.time.Duration execTimeout) {
        this.resolved = resolved;
        this.contextName = resolved.context().name();
        Kubeconfig.User user = resolved.user();
        this.userName = user == null ? "(none)" : user.name();
        Kubeconfig.Cluster cluster = resolved.cluster();
        try {
            List<X509Certificate> ca = List.of();
            if (cluster.certificateAuthorityData() != null) {
                ca = certs(decode(cluster.certificateAuthorityData(), "certificate-authority-data of cluster "
                        + cluster.name()), "certificate-authority-data of cluster " + cluster.name());
            } else if (cluster.certificateAuthority() != null) {
                ca = certs(read(cluster.certificateAuthority(), "certificate-authority of cluster "
                        + cluster.name()), "certificate-authority " + cluster.certificateAuthority());
            }
            trustManagers = Tls.trustManagers(ca, cluster.insecureSkipTlsVerify(), cluster.tlsServerName());
        } catch (GeneralSecurityException e) {
            throw bad("Cannot set up TLS for cluster " + cluster.name(), e.getMessage(), e);
        }
        if (user != null) {
            loadStaticClientCertificate(user);
            this.tokenFile = user.tokenFile();
            this.exec = user.exec() == null ? null
                    : new ExecPlugin(user.exec(), cluster, contextName, userName, terminal, clock,
                    execTimeout);
            if (exec != null) {
                exec.command();
            }
            this.oidc = user.authProvider() != null && "oidc".equals(user.authProvider().name())
                    ? new OidcTokens(user.authProvider().config(), contextName, userName, clock) : null;
            if (user.authProvider() != null && oidc == null) {
                throw new ProblemException(Problem.of(Problem.Kind.USAGE, "Auth provider '"
                        + user.authProvider().name() + "' of user " + userName + " is not supported",
                        "only 'oidc' is built in; the gcp and azure providers were removed from kubectl too",
                        "switch the user to an exec plugin (e.g. gke-gcloud-auth-plugin, kubelogin)"));
            }
            if (tokenFile != null) {
                readTokenFile();
            }
            // Checked now, so a bad value fails when the session opens, naming the field, not at the first request.
            this.staticToken = Secrets.bearerToken(user.token(), "token of " + who());
            this.basic = user.username() != null && user.password() != null
                    ? Secrets.basic(user.username(), user.password(), who()) : null;
        } else {
            this.staticToken = null;
            this.basic = null;
            this.tokenFile = null;
            this.exec = null;
            this.oidc = null;
        }
    }

    KeyManager[] keyManagers() {
        return new KeyManager[] {keyManager};
    }

    TrustManager[] trustManagers() {
        return trustManagers;
    }

    int reloads() {
        return reloads;
    }

    /** The value of the Authorization header for the next request, or null for none (anonymous or cert only). */
    synchronized String authorization() {
        Kubeconfig.User user = resolved.user();
        if (user == null) {
            return null;
        }
        if (tokenFile != null) {
            readTokenFileIfChanged();
            if (tokenFromFile != null) {
                return "Bearer " + tokenFromFile;
            }
        }
        if (staticToken != null) {
            return "Bearer " + staticToken;
        }
        if (exec != null) {
            ExecPlugin.Output out = exec.current();
            applyExecCertificate(out);
            if (out.token() != null) {
                return "Bearer " + out.token();
            }
        }
        if (oidc != null) {
            String id = oidc.current();
            if (id != null) {
                return "Bearer " + Secrets.bearerToken(id, "id-token of the oidc auth-provider of " + who());
            }
        }
        return basic;
    }

    private String who() {
        return "user " + userName + " (context " + contextName + ")";
    }

    /** After a 401: reads every reloadable source again; true when something changed, so one retry makes sense. */
    synchronized boolean reload() {
        reloads++;
        boolean changed = false;
        Kubeconfig.User user = resolved.user();
        if (user == null) {
            return false;
        }
        if (tokenFile != null) {
            String before = tokenFromFile;
            readTokenFile();
            changed |= tokenFromFile != null && !tokenFromFile.equals(before);
        }
        if (exec != null && !(tokenFile != null && tokenFromFile != null) && user.token() == null) {
            ExecPlugin.Output out = exec.refresh();
            applyExecCertificate(out);
            changed = true;
        }
        if (oidc != null) {
            changed |= oidc.forceRefresh();
        }
        LOG.info("Reloaded credentials of user {} after 401 (changed: {})", userName, changed);
        return changed;
    }

    // Interceptor

    @Override
    public void before(BasicBuilder builder, io.fabric8.kubernetes.client.http.HttpRequest request,
                       RequestTags tags) {
        String header = authorization();
        if (header != null) {
            builder.setHeader("Authorization", header);
        }
    }

    @Override
    public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
        if (response.code() != 401) {
            return CompletableFuture.completedFuture(false);
        }
        try {
            if (reload()) {
                String header = authorization();
                if (header != null) {
                    builder.setHeader("Authorization", header);
                }
                return CompletableFuture.completedFuture(true);
            }
        } catch (ProblemException e) {
            LOG.warn("Reloading credentials failed: {}", e.problem().oneLine());
        }
        return CompletableFuture.completedFuture(false);
    }

    // Loading

    private void loadStaticClientCertificate(Kubeconfig.User user) {
        byte[] cert = null;
        byte[] key = null;
        String certWhere = null;
        String keyWhere = null;
        if (user.clientCertificateData() != null) {
            certWhere = "client-certificate-data of user " + user.name();
            cert = decode(user.clientCertificateData(), certWhere);
        } else if (user.clientCertificate() != null) {
            certWhere = "client-certificate " + user.clientCertificate();
            cert = read(user.clientCertificate(), "client-certificate of user " + user.name());
        }
        if (user.clientKeyData() != null) {
            keyWhere = "client-key-data of user " + user.name();
            key = decode(user.clientKeyData(), keyWhere);
            Secrets.other(user.clientKeyData().strip());
        } else if (user.clientKey() != null) {
            keyWhere = "client-key " + user.clientKey();
            key = read(user.clientKey(), "client-key of user " + user.name());
        }
        if (cert == null && key == null) {
            return;
        }
        if (cert == null || key == null) {
            throw bad("User " + user.name() + " has a client " + (cert == null ? "key but no certificate"
                    : "certificate but no key"), "in " + user.source(), null);
        }
        swap(cert, key, certWhere, keyWhere);
    }

    private void applyExecCertificate(ExecPlugin.Output out) {
        if (out.clientCertificatePem() != null && out.clientKeyPem() != null) {
            swap(out.clientCertificatePem().getBytes(StandardCharsets.US_ASCII),
                    out.clientKeyPem().getBytes(StandardCharsets.US_ASCII),
                    "clientCertificateData from exec plugin", "clientKeyData from exec plugin");
        }
    }

    private void swap(byte[] cert, byte[] key, String certWhere, String keyWhere) {
        Secrets.keyMaterial(new String(key, StandardCharsets.US_ASCII));
        List<X509Certificate> chain = certs(cert, certWhere);
        PrivateKey privateKey;
        try {
            privateKey = Pem.privateKey(key);
        } catch (GeneralSecurityException e) {
            throw bad("Cannot read the private key in " + keyWhere, e.getMessage(), e);
        }
        keyManager.swap(privateKey, chain);
    }

    private void readTokenFileIfChanged() {
        try {
            FileTime t = Files.getLastModifiedTime(tokenFile);
            if (!t.equals(tokenFileTime)) {
                readTokenFile();
            }
        } catch (IOException e) {
            // keep the token read last; the server decides whether it is still good
            LOG.debug("tokenFile {} not readable now: {}", tokenFile, e.toString());
        }
    }

    private void readTokenFile() {
        try {
            tokenFileTime = Files.getLastModifiedTime(tokenFile);
            // client-go trims surrounding white space too; anything else a header cannot carry is refused by name
            tokenFromFile = Secrets.bearerToken(Files.readString(tokenFile, StandardCharsets.UTF_8).strip(),
                    "tokenFile " + tokenFile + " of " + who());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ProblemException(new Problem(Problem.Kind.CONNECTION, "The tokenFile " + tokenFile + " of "
                    + who() + " is not UTF-8 text", "", "point tokenFile at the file that holds the token", e));
        } catch (IOException e) {
            throw bad("Cannot read the tokenFile of user " + userName, tokenFile + ": " + ioReason(tokenFile, e), e);
        }
    }

    private static List<X509Certificate> certs(byte[] pem, String where) {
        try {
            return Pem.certificates(pem);
        } catch (GeneralSecurityException e) {
            throw bad("Cannot read the certificate in " + where, e.getMessage(), e);
        }
    }

    private static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw bad("Cannot read the " + what, file + ": " + ioReason(file, e), e);
        }
    }

    private static String ioReason(Path file, IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return Files.isDirectory(file) ? "is a directory" : String.valueOf(e.getMessage());
    }

    private static byte[] decode(String base64, String where) {
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw bad("The " + where + " is not valid base64", e.getMessage(), e);
        }
    }

    private static ProblemException bad(String title, String detail, Throwable cause) {
        return new ProblemException(new Problem(Problem.Kind.USAGE, title, detail,
                "fix the kubeconfig (kubectl would fail the same way)", cause));
    }
}
