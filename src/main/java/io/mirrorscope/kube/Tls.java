package io.mirrorscope.kube;

import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust and key managers for the API server connection, built from the kubeconfig rather than by fabric8 so that
 * all TLS rules live here: the cluster CA (or the system's), {@code insecure-skip-tls-verify},
 * {@code tls-server-name} (the name the server certificate is checked against), and a client certificate that can
 * be swapped at run time (an exec plugin may issue a new one).
 *
 * <p>Limit: the JDK HTTP client sends the URL's host as SNI; {@code tls-server-name} changes only the name checked
 * in the server's certificate.
 */
final class Tls {

    private Tls() {
    }

    static TrustManager[] trustManagers(List<X509Certificate> caOrEmpty, boolean insecure, String tlsServerName)
            throws GeneralSecurityException {
        if (insecure) {
            return new TrustManager[] {new TrustAll()};
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caOrEmpty.isEmpty()) {
            factory.init((KeyStore) null);
        } else {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                store.load(null, null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException(e);
            }
            for (int i = 0; i < caOrEmpty.size(); i++) {
                store.setCertificateEntry("ca-" + i, caOrEmpty.get(i));
            }
            factory.init(store);
        }
        X509ExtendedTrustManager base = null;
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                base = x;
            }
        }
        if (base == null) {
            throw new GeneralSecurityException("no X509 trust manager available");
        }
        return new TrustManager[] {tlsServerName == null ? base : new NamedServer(base, tlsServerName)};
    }

    /** {@code insecure-skip-tls-verify: true}: no chain and no name check (shown as a warning badge). */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // a client never checks client certificates
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // insecure-skip-tls-verify: the user chose to trust any server
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // a client never checks client certificates
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // insecure-skip-tls-verify: the user chose to trust any server
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // a client never checks client certificates
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // insecure-skip-tls-verify: the user chose to trust any server
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Checks the chain as usual, then the leaf against {@code tls-server-name} instead of the URL host. */
    private static final class NamedServer extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager base;
        private final String name;

        NamedServer(X509ExtendedTrustManager base, String name) {
            this.base = base;
            this.name = name.toLowerCase(Locale.ROOT);
        }

        private void check(X509Certificate[] chain, String authType) throws CertificateException {
            base.checkServerTrusted(chain, authType);
            if (!matches(chain[0], name)) {
                throw new CertificateException("server certificate does not match tls-server-name " + name);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            base.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            base.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            base.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return base.getAcceptedIssuers();
        }
    }

    /** RFC 6125 style: DNS SANs (one left-most wildcard label) and IP SANs; CN only when there are no SANs. */
    static boolean matches(X509Certificate cert, String host) throws CertificateParsingException {
        var sans = cert.getSubjectAlternativeNames();
        boolean ip = host.matches("[0-9.]+") || host.contains(":");
        if (sans != null && !sans.isEmpty()) {
            for (List<?> san : sans) {
                int type = (Integer) san.get(0);
                String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
                if (type == 2 && !ip && dnsMatch(value, host)) {
                    return true;
                }
                if (type == 7 && ip && sameIp(value, host)) {
                    return true;
                }
            }
            return false;
        }
        String dn = cert.getSubjectX500Principal().getName();
        for (String rdn : dn.split(",")) {
            if (rdn.strip().toUpperCase(Locale.ROOT).startsWith("CN=")) {
                return dnsMatch(rdn.strip().substring(3).toLowerCase(Locale.ROOT), host);
            }
        }
        return false;
    }

    private static boolean dnsMatch(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(pattern.substring(2));
        }
        return pattern.equals(host);
    }

    private static boolean sameIp(String a, String b) {
        try {
            return InetAddress.ofLiteral(a).equals(InetAddress.ofLiteral(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The client certificate and key; {@code swap} replaces them for the next handshake. */
    static final class SwappableKeyManager extends X509ExtendedKeyManager {
        private static final String ALIAS = "kubeconfig-client";
        private volatile PrivateKey key;
        private volatile X509Certificate[] chain;

        void swap(PrivateKey newKey, List<X509Certificate> newChain) {
            this.chain = newChain.toArray(X509Certificate[]::new);
            this.key = newKey;
        }

        private String aliasFor(String[] keyTypes) {
            PrivateKey k = key;
            if (k == null) {
                return null;
            }
            if (keyTypes == null) {
                return ALIAS;
            }
            for (String t : keyTypes) {
                if (t.equalsIgnoreCase(k.getAlgorithm()) || (t.equals("RSASSA-PSS") && k.getAlgorithm().equals("RSA"))
                        || (t.startsWith("EC") && k.getAlgorithm().equals("EC"))) {
                    return ALIAS;
                }
            }
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return aliasFor(keyType);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return aliasFor(keyType);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            String a = aliasFor(new String[] {keyType});
            return a == null ? null : new String[] {a};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? chain : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? key : null;
        }
    }
}
