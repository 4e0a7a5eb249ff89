package io.mirrorscope.kafka;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.mirrorscope.core.Redactor;
import java.nio.file.Path;

/**
 * A connection typed in by hand (clusters outside Kubernetes, the CLI's {@code --bootstrap} flags): bootstrap,
 * protocol, CA file, certificate/key files, SASL mechanism, user and a password file. Files are read into memory
 * once; the password comes from a file so it never shows in a process list or shell history.
 *
 * @param bootstrap        {@code host:port[,…]}
 * @param protocol         security protocol; null to infer (SSL with a CA or certificate, SASL_SSL with SASL)
 * @param caFile           PEM CA certificates; null for the JVM's trusted CAs
 * @param certFile         PEM client certificate chain (with {@code keyFile})
 * @param keyFile          PEM key, PKCS#8 or PKCS#1
 * @param saslMechanism    SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN
 * @param saslUsername     SASL user
 * @param saslPasswordFile file whose first line is the password
 */
public record ManualConnection(String bootstrap, SecurityProtocol protocol, Path caFile, Path certFile, Path keyFile,
        String saslMechanism, String saslUsername, Path saslPasswordFile) {

    /** Reads the files and builds the settings; a usage problem names the file or flag that is wrong. */
    public ConnectionSettings toSettings() {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw usage("No bootstrap servers", "Give --bootstrap host:port");
        }
        try {
            BrokerAddress.parseList(bootstrap);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE, "Bad --bootstrap: " + e.getMessage(), "",
                    "Give host:port[,host:port…], e.g. kafka.example.com:9094"));
        }
        boolean sasl = saslMechanism != null || saslUsername != null || saslPasswordFile != null;
        boolean mtls = certFile != null || keyFile != null;
        if (mtls && (certFile == null || keyFile == null)) {
            throw usage("A client certificate needs both --cert and --key", "Give both files");
        }
        if (sasl && (saslUsername == null || saslPasswordFile == null)) {
            throw usage("SASL needs --sasl-username and --sasl-password-file", "Give both");
        }
        if (sasl && mtls) {
            throw usage("Choose either a client certificate or SASL", "Drop --cert/--key or the --sasl-* flags");
        }
        SecurityProtocol p = protocol != null ? protocol
                : SecurityProtocol.of(caFile != null || mtls || sasl, sasl);
        String ca = caFile == null ? null
                : PemMaterial.toPem(PemMaterial.certificates(read(caFile), caFile.toString()));
        ClientAuth auth = new ClientAuth.None();
        if (mtls) {
            String chain = read(certFile);
            auth = new ClientAuth.TlsCertificate(PemMaterial.toPem(PemMaterial.certificates(chain,
                    certFile.toString())), PemMaterial.toPkcs8Pem(readKey(keyFile), keyFile.toString()),
                    PemMaterial.subject(chain, certFile.toString()));
        } else if (sasl) {
            String password = read(saslPasswordFile).lines().findFirst().orElse("");
            Redactor.remember(password);
            try {
                auth = new ClientAuth.SaslPassword(saslMechanism == null ? "SCRAM-SHA-512" : saslMechanism,
                        saslUsername, password.toCharArray());
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage(), "Use --sasl-mechanism SCRAM-SHA-512");
            }
        }
        try {
            return new ConnectionSettings(bootstrap, p, ca, auth, true, bootstrap);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage(), "Check --security-protocol");
        }
    }

    /** A key file's text, remembered by the {@link Redactor} as it is read. */
    private static String readKey(Path file) {
        String pem = read(file);
        Redactor.rememberPem(pem);
        return pem;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProblemException(new Problem(Problem.Kind.USAGE, "Cannot read " + file, e.toString(),
                    "Check the path", e));
        }
    }

    private static ProblemException usage(String title, String hint) {
        return new ProblemException(Problem.of(Problem.Kind.USAGE, title, "", hint));
    }
}
