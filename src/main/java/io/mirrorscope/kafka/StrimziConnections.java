package io.mirrorscope.kafka;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.Redactor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@link ConnectionSettings} from what a Strimzi cluster already has: the Kafka resource's listeners, the
 * {@code <cluster>-cluster-ca-cert} secret and a KafkaUser's secret. Takes plain inputs (the caller reads the
 * resources), so it works for every Strimzi API version and is tested without a Kubernetes API.
 */
public final class StrimziConnections {

    /** Listener types reachable from outside the Kubernetes cluster, most preferred first. */
    public static final List<String> EXTERNAL_TYPES = List.of("route", "loadbalancer", "nodeport", "ingress");

    private static final Pattern JAAS_VALUE = Pattern.compile("(username|password)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private StrimziConnections() {
    }

    /**
     * A listener of a Kafka resource, from its spec and status.
     *
     * @param name             listener name ({@code plain}, {@code tls}, {@code external} in v1beta1)
     * @param type             {@code internal}, {@code cluster-ip}, {@code route}, {@code loadbalancer},
     *                         {@code nodeport}, {@code ingress}
     * @param tls              TLS encryption on
     * @param authentication   {@code tls}, {@code scram-sha-512}, {@code oauth}, {@code custom}, or null for none
     * @param bootstrapServers the status' {@code bootstrapServers}
     * @param certificates     the status' {@code certificates} (PEM), may be empty
     */
    public record Listener(String name, String type, boolean tls, String authentication, String bootstrapServers,
            List<String> certificates) {
        public Listener {
            certificates = certificates == null ? List.of() : List.copyOf(certificates);
            type = type == null ? "internal" : type.toLowerCase(Locale.ROOT);
            authentication = authentication == null || authentication.isBlank() ? null
                    : authentication.toLowerCase(Locale.ROOT);
        }

        /** True for route, loadbalancer, nodeport and ingress listeners. */
        public boolean external() {
            return EXTERNAL_TYPES.contains(type);
        }
    }

    /**
     * A KafkaUser: name, authentication type and its ACL rules (Strimzi {@code simple} authorization).
     *
     * @param authentication   {@code tls}, {@code tls-external}, {@code scram-sha-512}
     * @param hasAuthorization false when the KafkaUser has no {@code authorization} section
     */
    public record User(String name, String authentication, boolean hasAuthorization, List<Acl> acls) {
        public User {
            acls = acls == null ? List.of() : List.copyOf(acls);
            authentication = authentication == null ? "" : authentication.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One ACL rule of a KafkaUser.
     *
     * @param resourceType {@code topic}, {@code group}, {@code cluster}, {@code transactionalId}
     * @param resourceName name or prefix ({@code *} for all)
     * @param patternType  {@code literal} or {@code prefix}
     * @param operations   e.g. {@code Read}, {@code Describe}, {@code All}
     * @param allow        false for {@code type: deny}
     */
    public record Acl(String resourceType, String resourceName, String patternType, List<String> operations,
            boolean allow) {
        public Acl {
            operations = operations == null ? List.of() : operations.stream()
                    .map(o -> o.toLowerCase(Locale.ROOT)).toList();
            patternType = patternType == null ? "literal" : patternType.toLowerCase(Locale.ROOT);
        }

        boolean covers(String topic) {
            if (!"topic".equalsIgnoreCase(resourceType)) {
                return false;
            }
            if (patternType.equals("prefix")) {
                return topic.startsWith(resourceName);
            }
            return resourceName.equals("*") || resourceName.equals(topic);
        }
    }

    /** Picks the listener: the one named {@code wanted}, else the most preferred external, else the first. */
    public static Listener pickListener(String cluster, List<Listener> listeners, String wanted) {
        if (listeners.isEmpty()) {
            throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "Kafka " + cluster
                    + " has no listener in its status", "", "Wait until the cluster is Ready"));
        }
        if (wanted != null && !wanted.isBlank()) {
            return listeners.stream().filter(l -> l.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "Kafka " + cluster
                            + " has no listener " + wanted, "", "Listeners: "
                            + listeners.stream().map(Listener::name).toList())));
        }
        return listeners.stream()
                .min(Comparator.comparingInt(l -> l.external() ? EXTERNAL_TYPES.indexOf(l.type())
                        : EXTERNAL_TYPES.size() + listeners.indexOf(l)))
                .orElseThrow();
    }

    /**
     * The CA certificates to trust on a TLS listener: every {@code *.crt} of the cluster CA secret ({@code ca.crt}
     * and, during a renewal, the old ones), else the listener status' certificates. Null when the listener has no
     * TLS.
     */
    public static String trust(String cluster, Map<String, byte[]> clusterCaSecretData, Listener listener) {
        if (!listener.tls()) {
            return null;
        }
        List<String> pems = new ArrayList<>();
        if (clusterCaSecretData != null) {
            byte[] current = clusterCaSecretData.get("ca.crt");
            if (current != null) {
                pems.add(new String(current, StandardCharsets.US_ASCII));
            }
            clusterCaSecretData.entrySet().stream()
                    .filter(e -> e.getKey().endsWith(".crt") && !e.getKey().equals("ca.crt"))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> pems.add(new String(e.getValue(), StandardCharsets.US_ASCII)));
        }
        if (pems.isEmpty()) {
            pems.addAll(listener.certificates());
        }
        if (pems.isEmpty()) {
            throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "No CA certificate for listener "
                    + listener.name() + " of " + cluster, "secret " + cluster + "-cluster-ca-cert is missing or "
                    + "unreadable and the listener status has no certificates",
                    "Allow reading secret " + cluster + "-cluster-ca-cert, or pass --ca"));
        }
        String joined = String.join("\n", pems);
        return PemMaterial.toPem(PemMaterial.certificates(joined, "secret " + cluster + "-cluster-ca-cert"));
    }

    /**
     * The client credentials a listener needs, from a KafkaUser secret's data (raw bytes, not base64):
     * {@code user.crt} + {@code user.key} (PKCS#1 converted in memory), else {@code user.p12} +
     * {@code user.password}; SCRAM from {@code sasl.jaas.config} or {@code password}.
     */
    public static ClientAuth clientAuth(Listener listener, String userName, Map<String, byte[]> userSecretData) {
        String auth = listener.authentication();
        if (auth == null) {
            return new ClientAuth.None();
        }
        String source = "secret " + userName;
        if (userSecretData == null) {
            throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "Listener " + listener.name()
                    + " needs " + auth + " credentials", "no KafkaUser secret given",
                    "Pick a KafkaUser with --user"));
        }
        switch (auth) {
            case "tls" -> {
                byte[] crt = userSecretData.get("user.crt");
                byte[] key = userSecretData.get("user.key");
                if (crt != null && key != null) {
                    String chain = new String(crt, StandardCharsets.US_ASCII);
                    String pkcs8 = PemMaterial.toPkcs8Pem(new String(key, StandardCharsets.US_ASCII),
                            source + " user.key");
                    return new ClientAuth.TlsCertificate(PemMaterial.toPem(PemMaterial.certificates(chain,
                            source + " user.crt")), pkcs8, PemMaterial.subject(chain, source + " user.crt"));
                }
                byte[] p12 = userSecretData.get("user.p12");
                byte[] password = userSecretData.get("user.password");
                if (p12 != null && password != null) {
                    return PemMaterial.fromPkcs12(p12, new String(password, StandardCharsets.UTF_8).toCharArray(),
                            source + " user.p12");
                }
                throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, source
                        + " has no TLS client certificate", "expected user.crt + user.key or user.p12 + user.password",
                        "Pick a KafkaUser with authentication type tls"));
            }
            case "scram-sha-512" -> {
                return scram(userName, userSecretData, source);
            }
            default -> throw new ProblemException(Problem.of(Problem.Kind.USAGE, "Listener " + listener.name()
                    + " uses " + auth + " authentication", "MirrorScope supports tls and scram-sha-512 listeners",
                    "Pick another listener with --listener, or connect manually"));
        }
    }

    private static ClientAuth scram(String userName, Map<String, byte[]> data, String source) {
        byte[] jaas = data.get("sasl.jaas.config");
        if (jaas != null) {
            Map<String, String> values = new LinkedHashMap<>();
            Matcher m = JAAS_VALUE.matcher(new String(jaas, StandardCharsets.UTF_8));
            while (m.find()) {
                values.put(m.group(1), m.group(2).replaceAll("\\\\(.)", "$1"));
            }
            if (values.containsKey("username") && values.containsKey("password")) {
                Redactor.remember(values.get("password"));
                return new ClientAuth.SaslPassword("SCRAM-SHA-512", values.get("username"),
                        values.get("password").toCharArray());
            }
        }
        byte[] password = data.get("password");
        if (password != null) {
            return new ClientAuth.SaslPassword("SCRAM-SHA-512", userName,
                    new String(password, StandardCharsets.UTF_8).toCharArray());
        }
        throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, source + " has no SCRAM password",
                "expected sasl.jaas.config or password", "Pick a KafkaUser with authentication type scram-sha-512"));
    }

    /**
     * The KafkaUser to act as: {@code wanted} when given; else, among users whose authentication fits the
     * listener, first one whose ACLs allow Read and Describe on the topic, then one without authorization rules.
     * Empty when the listener needs no user.
     */
    public static Optional<User> pickUser(List<User> users, Listener listener, String topic, String wanted) {
        if (wanted != null && !wanted.isBlank()) {
            return Optional.of(requireUser("the cluster", users, wanted));
        }
        if (listener.authentication() == null) {
            return Optional.empty();
        }
        List<User> fitting = users.stream().filter(u -> fits(u, listener)).toList();
        Optional<User> allowed = fitting.stream().filter(u -> u.hasAuthorization() && canRead(u, topic)).findFirst();
        if (allowed.isPresent()) {
            return allowed;
        }
        return fitting.stream().filter(u -> !u.hasAuthorization()).findFirst();
    }

    /** The KafkaUser named {@code wanted} among {@code users}; a not-found problem naming the known ones if absent. */
    public static User requireUser(String cluster, List<User> users, String wanted) {
        return users.stream().filter(u -> u.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "No KafkaUser "
                        + wanted + " of " + cluster, users.isEmpty() ? "the cluster has no KafkaUsers"
                        : "its KafkaUsers: " + String.join(", ", users.stream().map(User::name).sorted().toList()),
                        "Name one of them with --user (KafkaUsers carry the label strimzi.io/cluster)")));
    }

    /**
     * Why {@link #pickUser} found nobody, as a problem: no KafkaUser authenticates the way the listener needs, or
     * some do but none of their ACLs allows Read and Describe on the topic (naming the topic and the users checked).
     */
    public static Problem noUserProblem(String cluster, List<User> users, Listener listener, String topicOrNull) {
        String topic = topicOrNull == null ? "the topic" : topicOrNull;
        List<User> fitting = users.stream().filter(u -> fits(u, listener)).toList();
        if (fitting.isEmpty()) {
            return Problem.of(Problem.Kind.NOT_FOUND, "No KafkaUser of " + cluster + " can authenticate on listener "
                    + listener.name(), "the listener needs " + listener.authentication() + "; "
                    + (users.isEmpty() ? "the cluster has no KafkaUsers" : "KafkaUsers: " + String.join(", ",
                    users.stream().map(u -> u.name() + " (" + (u.authentication().isEmpty() ? "no authentication"
                            : u.authentication()) + ")").toList())),
                    "Create a KafkaUser with authentication " + listener.authentication()
                            + ", name one with --user, or pick another --listener");
        }
        return Problem.of(Problem.Kind.FORBIDDEN, "No KafkaUser of " + cluster + " may read topic " + topic,
                "checked " + String.join(", ", fitting.stream().map(User::name).toList())
                        + ": their ACLs do not allow Read and Describe on " + topic,
                "Add a topic ACL with Read and Describe to one of them, or name one with --user");
    }

    private static boolean fits(User user, Listener listener) {
        return switch (listener.authentication()) {
            case "tls" -> user.authentication().equals("tls");
            case "scram-sha-512" -> user.authentication().equals("scram-sha-512");
            default -> false;
        };
    }

    /** True when the user's ACLs allow Read and Describe on the topic and deny neither (Read implies Describe). */
    public static boolean canRead(User user, String topic) {
        boolean read = false;
        boolean describe = false;
        for (Acl acl : user.acls()) {
            if (!acl.covers(topic)) {
                continue;
            }
            Set<String> ops = Set.copyOf(acl.operations());
            boolean all = ops.contains("all");
            if (!acl.allow()) {
                if (all || ops.contains("read") || ops.contains("describe")) {
                    return false;
                }
                continue;
            }
            read |= all || ops.contains("read");
            describe |= all || ops.contains("read") || ops.contains("describe");
        }
        return read && describe;
    }

    /** The settings for a cluster's listener with the given trust and credentials. */
    public static ConnectionSettings settings(String cluster, Listener listener, String trustedCaPem,
            ClientAuth auth) {
        boolean sasl = auth instanceof ClientAuth.SaslPassword;
        String description = "listener " + listener.name() + " (" + listener.type() + ") of Kafka " + cluster;
        return new ConnectionSettings(listener.bootstrapServers(), SecurityProtocol.of(listener.tls(), sasl),
                trustedCaPem, auth, true, description);
    }

    /**
     * Hands every secret value of a KafkaUser secret's {@code data} (base64, as the API returns it) to the
     * {@link Redactor}: the base64 text as stored, and the decoded text (PEM keys line by line). Certificates
     * ({@code *.crt}) are public and stay readable.
     */
    public static void rememberUserSecret(Map<String, String> data) {
        if (data == null) {
            return;
        }
        data.forEach((k, v) -> {
            if (v == null || k.endsWith(".crt")) {
                return;
            }
            Redactor.remember(v);
            byte[] raw = Base64.getMimeDecoder().decode(v);
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
            try {
                String text = utf8.decode(ByteBuffer.wrap(raw)).toString();
                if (text.contains("-----BEGIN")) {
                    Redactor.rememberPem(text);
                } else {
                    Redactor.remember(text);
                }
            } catch (CharacterCodingException binary) {
                // user.p12 and other binary values: their base64 form is remembered above
                Redactor.remember(Base64.getEncoder().encodeToString(raw));
            }
        });
    }

    /** Secret {@code data} as the API returns it (base64 values) → raw bytes. */
    public static Map<String, byte[]> decodeSecretData(Map<String, String> data) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (data != null) {
            data.forEach((k, v) -> out.put(k, v == null ? new byte[0] : Base64.getMimeDecoder().decode(v)));
        }
        return out;
    }
}
