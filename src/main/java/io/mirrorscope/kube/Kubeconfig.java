package io.mirrorscope.kube;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The merged kubeconfig, loaded by the rules of kubectl.
 *
 * <ul>
 *   <li>Which files: {@code --kubeconfig FILE} alone (it must exist); else every file of {@code KUBECONFIG}
 *       ({@link File#pathSeparator}-separated, missing files skipped, duplicates once); else
 *       {@code ~/.kube/config} when it exists.</li>
 *   <li>Merge: the first file to define a cluster, user or context name wins; so does the first file that sets
 *       {@code current-context}.</li>
 *   <li>Relative paths (certificate-authority, client-certificate, client-key, tokenFile, and an exec command
 *       that contains a path separator) resolve against the directory of the file that holds them, before the
 *       merge.</li>
 *   <li>An unreadable or invalid file is a {@link Problem} that names the file; an empty file is an empty config
 *       (as kubectl treats it) and is reported when a context is needed from it.</li>
 * </ul>
 *
 * <p>Instances are immutable. Nothing is ever written back: refreshed tokens live in memory only.
 */
public final class Kubeconfig {

    /** A cluster entry; paths are already absolute. */
    public record Cluster(String name, String server, Path certificateAuthority, String certificateAuthorityData,
                          boolean insecureSkipTlsVerify, String tlsServerName, String proxyUrl, Path source) {
    }

    /** A user (auth info) entry; paths are already absolute. Secret values are never part of toString(). */
    public record User(String name, String token, Path tokenFile, Path clientCertificate,
                       String clientCertificateData, Path clientKey, String clientKeyData, String username,
                       String password, Exec exec, AuthProvider authProvider, Path source) {
        @Override
        public String toString() {
            return "User[" + name + " from " + source + "]";
        }
    }

    /** An exec credential plugin ({@code client.authentication.k8s.io/v1} or {@code v1beta1}). */
    public record Exec(String apiVersion, String command, List<String> args, Map<String, String> env,
                       String installHint, boolean provideClusterInfo, String interactiveMode) {
    }

    /** An auth-provider block ({@code oidc} is the one MirrorScope refreshes). */
    public record AuthProvider(String name, Map<String, String> config) {
        @Override
        public String toString() {
            return "AuthProvider[" + name + "]";
        }
    }

    /** A context entry as written in the file. */
    public record Context(String name, String cluster, String user, String namespace, Path source) {
    }

    /** A context with its cluster and user looked up; {@code user} is null for an anonymous context. */
    public record Resolved(Context context, Cluster cluster, User user) {
    }

    /** Largest kubeconfig file read (checked before parsing). Real ones are KiB; a few MiB with many contexts. */
    public static final long MAX_BYTES = 16L << 20;

    /**
     * Longest line read. The YAML parser's time grows with the square of a scalar's length on one line (a 15 MiB
     * line takes a minute); at 1 Mi characters a full-size file of such lines still parses in seconds.
     */
    static final int MAX_LINE_CHARS = 1 << 20;

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(loaderOptions())
            .build());

    /** SnakeYAML refuses documents over 3 MB by default; allow up to {@link #MAX_BYTES}. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) MAX_BYTES);
        return options;
    }

    private final List<Path> files;
    private final List<Path> emptyFiles;
    private final String currentContext;
    private final Map<String, Cluster> clusters;
    private final Map<String, User> users;
    private final Map<String, Context> contexts;

    private Kubeconfig(List<Path> files, List<Path> emptyFiles, String currentContext, Map<String, Cluster> clusters,
                       Map<String, User> users, Map<String, Context> contexts) {
        this.files = List.copyOf(files);
        this.emptyFiles = List.copyOf(emptyFiles);
        this.currentContext = currentContext;
        this.clusters = Collections.unmodifiableMap(clusters);
        this.users = Collections.unmodifiableMap(users);
        this.contexts = Collections.unmodifiableMap(contexts);
    }

    /** Loads like kubectl from {@code --kubeconfig} (may be null), the process' KUBECONFIG and the user's home. */
    public static Kubeconfig load(Path explicitFile) {
        return load(explicitFile, System.getenv("KUBECONFIG"), Path.of(System.getProperty("user.home")));
    }

    /**
     * Loads like kubectl.
     *
     * @param explicitFile    the {@code --kubeconfig} file, or null
     * @param kubeconfigEnv   the value of {@code KUBECONFIG}, or null/empty when unset
     * @param home            the user's home directory ({@code .kube/config} is looked up there)
     */
    public static Kubeconfig load(Path explicitFile, String kubeconfigEnv, Path home) {
        List<Path> candidates = new ArrayList<>();
        boolean mustExist = false;
        if (explicitFile != null) {
            candidates.add(explicitFile);
            mustExist = true;
        } else if (kubeconfigEnv != null && !kubeconfigEnv.isBlank()) {
            Set<Path> seen = new LinkedHashSet<>();
            for (String part : kubeconfigEnv.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    seen.add(Path.of(part.strip()));
                }
            }
            candidates.addAll(seen);
        } else if (home != null) {
            candidates.add(home.resolve(".kube").resolve("config"));
        }
        return merge(candidates, mustExist);
    }

    /** Loads exactly these files in this order (missing ones skipped unless {@code mustExist}). */
    public static Kubeconfig merge(List<Path> candidates, boolean mustExist) {
        List<Path> loaded = new ArrayList<>();
        List<Path> empty = new ArrayList<>();
        String current = null;
        Map<String, Cluster> clusters = new LinkedHashMap<>();
        Map<String, User> users = new LinkedHashMap<>();
        Map<String, Context> contexts = new LinkedHashMap<>();
        for (Path candidate : candidates) {
            Path file = candidate.toAbsolutePath().normalize();
            if (!Files.exists(file)) {
                if (mustExist) {
                    throw problem(file, "the file does not exist", "check the --kubeconfig path", null);
                }
                continue;
            }
            JsonNode root = read(file);
            loaded.add(file);
            if (root == null || root.isMissingNode() || root.isNull()
                    || (root.isObject() && root.isEmpty())) {
                empty.add(file);
                continue;
            }
            if (!root.isObject()) {
                throw problem(file, "the top level is not a YAML mapping",
                        "a kubeconfig starts with 'apiVersion: v1' and 'kind: Config'", null);
            }
            Path dir = file.getParent();
            String fileCurrent = text(root, "current-context");
            if (current == null && fileCurrent != null && !fileCurrent.isEmpty()) {
                current = fileCurrent;
            }
            for (JsonNode entry : list(root, "clusters", file)) {
                String name = name(entry, file, "clusters");
                if (!clusters.containsKey(name)) {
                    clusters.put(name, cluster(name, entry.path("cluster"), dir, file));
                }
            }
            for (JsonNode entry : list(root, "users", file)) {
                String name = name(entry, file, "users");
                if (!users.containsKey(name)) {
                    users.put(name, user(name, entry.path("user"), dir, file));
                }
            }
            for (JsonNode entry : list(root, "contexts", file)) {
                String name = name(entry, file, "contexts");
                if (!contexts.containsKey(name)) {
                    JsonNode c = entry.path("context");
                    contexts.put(name, new Context(name, text(c, "cluster"), text(c, "user"),
                            emptyToNull(text(c, "namespace")), file));
                }
            }
        }
        return new Kubeconfig(loaded, empty, current, clusters, users, contexts);
    }

    // Queries

    /** The files that were read, in merge order. */
    public List<Path> files() {
        return files;
    }

    /** The {@code current-context} of the merged config, or null when no file sets one. */
    public String currentContext() {
        return currentContext;
    }

    /** Every context, sorted by name, with its cluster's server. */
    public List<KubeContext> contexts() {
        return contexts.values().stream()
                .sorted(Comparator.comparing(Context::name))
                .map(c -> {
                    Cluster cluster = c.cluster() == null ? null : clusters.get(c.cluster());
                    return new KubeContext(c.name(), c.cluster(), cluster == null ? null : cluster.server(),
                            c.user(), c.namespace());
                })
                .toList();
    }

    /** True when a context of that name exists. */
    public boolean hasContext(String name) {
        return contexts.containsKey(name);
    }

    public Map<String, Cluster> clusters() {
        return clusters;
    }

    public Map<String, User> users() {
        return users;
    }

    /**
     * The named context (or the current one when {@code nameOrNull} is null) with its cluster and user.
     *
     * @throws ProblemException NOT_FOUND when the context does not exist, USAGE when there is no current context
     *                          or the context names a cluster or user that no file defines
     */
    public Resolved resolve(String nameOrNull) {
        String name = nameOrNull;
        if (name == null || name.isEmpty()) {
            name = currentContext;
            if (name == null) {
                throw new ProblemException(Problem.of(Problem.Kind.USAGE, "No current context in the kubeconfig",
                        describeFiles(), contexts.isEmpty()
                                ? "log in first (e.g. `oc login` or `kubectl config set-context`)"
                                : "choose one with --context (" + String.join(", ", contexts.keySet()) + ")"));
            }
        }
        Context context = contexts.get(name);
        if (context == null) {
            throw new ProblemException(Problem.of(Problem.Kind.NOT_FOUND,
                    "Context '" + name + "' not found in the kubeconfig", describeFiles(),
                    contexts.isEmpty() ? "" : "known contexts: " + String.join(", ", contexts.keySet())));
        }
        if (context.cluster() == null || context.cluster().isEmpty()) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE,
                    "Context '" + name + "' names no cluster", "in " + context.source(), "fix the kubeconfig"));
        }
        Cluster cluster = clusters.get(context.cluster());
        if (cluster == null) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE,
                    "Context '" + name + "' names cluster '" + context.cluster() + "', which no kubeconfig file "
                            + "defines", "context from " + context.source() + "; " + describeFiles(),
                    "add the cluster or fix the context"));
        }
        if (cluster.server() == null || cluster.server().isEmpty()) {
            throw new ProblemException(Problem.of(Problem.Kind.USAGE,
                    "Cluster '" + cluster.name() + "' has no server", "in " + cluster.source(),
                    "set clusters[].cluster.server"));
        }
        User user = null;
        if (context.user() != null && !context.user().isEmpty()) {
            user = users.get(context.user());
            if (user == null) {
                throw new ProblemException(Problem.of(Problem.Kind.USAGE,
                        "Context '" + name + "' names user '" + context.user() + "', which no kubeconfig file "
                                + "defines", "context from " + context.source() + "; " + describeFiles(),
                        "add the user or fix the context"));
            }
        }
        return new Resolved(context, cluster, user);
    }

    private String describeFiles() {
        if (files.isEmpty()) {
            return "no kubeconfig file found (--kubeconfig, $KUBECONFIG, ~/.kube/config)";
        }
        StringBuilder s = new StringBuilder("read ");
        for (int i = 0; i < files.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(files.get(i));
            if (emptyFiles.contains(files.get(i))) {
                s.append(" (empty)");
            }
        }
        return s.toString();
    }

    // Parsing

    private static JsonNode read(Path file) {
        // The size is checked before a byte is parsed: the YAML parser spends minutes on a huge scalar.
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw problem(file, "the file is " + mib(size) + "; a kubeconfig may be at most " + mib(MAX_BYTES),
                        "point --kubeconfig or KUBECONFIG at the kubeconfig itself (they are a few KiB, even with "
                                + "hundreds of contexts)", null);
            }
        } catch (IOException e) {
            // read below says what is wrong with the file
            LoggerHolder.LOG.debug("size of {} unknown: {}", file, e.toString());
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw problem(file, "the file is not UTF-8 text (a binary file, or a text saved in another encoding)",
                    "point --kubeconfig or KUBECONFIG at a kubeconfig YAML file, or save it as UTF-8", e);
        } catch (AccessDeniedException e) {
            throw problem(file, "permission denied", "check the file's permissions", e);
        } catch (NoSuchFileException e) {
            throw problem(file, "the file does not exist", "", e);
        } catch (IOException e) {
            throw problem(file, Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage()),
                    "", e);
        }
        if (text.isBlank()) {
            return null;
        }
        int longLine = firstLineLongerThan(text, MAX_LINE_CHARS);
        if (longLine > 0) {
            throw problem(file, "line " + longLine + " is longer than " + (MAX_LINE_CHARS >> 20) + " Mi characters, "
                    + "which no kubeconfig needs (certificate data and tokens are a few KiB)",
                    "point --kubeconfig or KUBECONFIG at the kubeconfig itself", null);
        }
        int control = firstControlCharacter(text);
        if (control >= 0) {
            throw problem(file, "the file holds a control character (" + Secrets.describe(text.codePointAt(control))
                    + ") " + lineAndColumn(text, control) + "; it is not a YAML text file",
                    "point --kubeconfig or KUBECONFIG at a kubeconfig YAML file", null);
        }
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw problem(file, "YAML syntax error" + yamlError(e),
                    "fix the file there (kubectl config view shows the same error)", e);
        }
    }

    /** " at line L, column C: what is wrong", in words an operator knows, without the parser's internals. */
    private static String yamlError(JsonProcessingException e) {
        String what;
        int line = -1;
        int column = -1;
        if (e instanceof MarkedYAMLException m) {
            what = m.getProblem();
            if (m.getProblemMark() != null) {
                line = m.getProblemMark().getLine() + 1;
                column = m.getProblemMark().getColumn() + 1;
            }
        } else {
            what = e.getOriginalMessage();
            JsonLocation at = e.getLocation();
            if (at != null && at.getLineNr() > 0) {
                line = at.getLineNr();
                column = at.getColumnNr();
            }
        }
        String plain = plainYamlProblem(what == null ? "" : what);
        return (line > 0 ? " at line " + line + ", column " + column : "") + ": " + plain;
    }

    private static String plainYamlProblem(String problem) {
        String p = problem.strip();
        if (p.startsWith("mapping values are not allowed")) {
            return "a ':' where none may be (indent the line under its key, or quote a value that holds ': ')";
        }
        if (p.contains("'\\t'") || p.contains("\\t(TAB)")) {
            return "a tab; YAML indents with spaces only";
        }
        if (p.startsWith("could not find expected ':'")) {
            return "a line without ':' inside a mapping (check the indentation)";
        }
        if (p.startsWith("expected ',' or '}'")) {
            return "a '{' that is not closed with '}'";
        }
        if (p.startsWith("expected ',' or ']'")) {
            return "a '[' that is not closed with ']'";
        }
        if (p.startsWith("found unexpected end of stream") || p.contains("end of the stream")) {
            return "the file ends inside a quoted value (a missing closing quote)";
        }
        if (p.startsWith("found duplicate key")) {
            return p;
        }
        if (p.startsWith("did not find expected key") || p.startsWith("did not find expected '-'")) {
            return "an entry is indented differently from the ones before it";
        }
        if (p.startsWith("The incoming YAML document exceeds the limit")) {
            return "the document is too large";
        }
        String first = p.lines().findFirst().orElse(p);
        return first.length() > 160 ? first.substring(0, 160) + "…" : first;
    }

    /** The 1-based number of the first line longer than {@code max} characters, or 0. */
    private static int firstLineLongerThan(String text, int max) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > max) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    private static int firstControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    private static String lineAndColumn(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "at line " + line + ", column " + (index - lineStart + 1);
    }

    private static String mib(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : String.format(java.util.Locale.ROOT, "%.1f MiB",
                bytes / (double) (1 << 20));
    }

    /** Loggers are created lazily: Kubeconfig is loaded before logging is configured in the CLI. */
    private static final class LoggerHolder {
        static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Kubeconfig.class);
    }

    private static ProblemException problem(Path file, String detail, String hint, Throwable cause) {
        return new ProblemException(new Problem(Problem.Kind.USAGE, "Cannot read kubeconfig " + file, detail, hint,
                cause));
    }

    private static List<JsonNode> list(JsonNode root, String field, Path file) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw problem(file, "'" + field + "' is not a list", "", null);
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    /** kubectl keeps an entry without a name under the empty name; so does this. */
    private static String name(JsonNode entry, Path file, String field) {
        if (!entry.isObject()) {
            throw problem(file, "an entry of '" + field + "' is not a mapping", "", null);
        }
        String name = text(entry, "name");
        return name == null ? "" : name;
    }

    private static Cluster cluster(String name, JsonNode c, Path dir, Path file) {
        return new Cluster(name, text(c, "server"), path(dir, text(c, "certificate-authority")),
                emptyToNull(text(c, "certificate-authority-data")), c.path("insecure-skip-tls-verify").asBoolean(false),
                emptyToNull(text(c, "tls-server-name")), emptyToNull(text(c, "proxy-url")), file);
    }

    private static User user(String name, JsonNode u, Path dir, Path file) {
        Exec exec = null;
        JsonNode e = u.path("exec");
        if (e.isObject()) {
            List<String> args = new ArrayList<>();
            e.path("args").forEach(a -> args.add(a.asText()));
            Map<String, String> env = new LinkedHashMap<>();
            e.path("env").forEach(v -> env.put(v.path("name").asText(), v.path("value").asText()));
            String command = text(e, "command");
            if (command != null && !command.isEmpty() && command.contains(File.separator)) {
                command = dir.resolve(command).normalize().toString();
            }
            String apiVersion = text(e, "apiVersion");
            String interactiveMode = emptyToNull(text(e, "interactiveMode"));
            if (interactiveMode == null && "client.authentication.k8s.io/v1beta1".equals(apiVersion)) {
                interactiveMode = "IfAvailable"; // client-go's default for v1beta1; v1 must say it
            }
            exec = new Exec(apiVersion, command, List.copyOf(args), Collections.unmodifiableMap(env),
                    emptyToNull(text(e, "installHint")), e.path("provideClusterInfo").asBoolean(false),
                    interactiveMode);
        }
        AuthProvider provider = null;
        JsonNode p = u.path("auth-provider");
        if (p.isObject()) {
            Map<String, String> config = new LinkedHashMap<>();
            p.path("config").properties().forEach(en -> config.put(en.getKey(), en.getValue().asText()));
            provider = new AuthProvider(text(p, "name"), Collections.unmodifiableMap(config));
        }
        return new User(name, emptyToNull(text(u, "token")), path(dir, text(u, "tokenFile")),
                path(dir, text(u, "client-certificate")), emptyToNull(text(u, "client-certificate-data")),
                path(dir, text(u, "client-key")), emptyToNull(text(u, "client-key-data")),
                emptyToNull(text(u, "username")), emptyToNull(text(u, "password")), exec, provider, file);
    }

    private static Path path(Path dir, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return dir.resolve(value).normalize();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return "Kubeconfig" + files + " current=" + currentContext + " contexts=" + contexts.keySet();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Kubeconfig k && files.equals(k.files) && Objects.equals(currentContext, k.currentContext)
                && contexts.equals(k.contexts) && clusters.equals(k.clusters) && users.equals(k.users);
    }

    @Override
    public int hashCode() {
        return Objects.hash(files, currentContext, contexts.keySet());
    }
}
