import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The installer's jars, run by build-installer.sh with the build's JDK ({@code java packaging/InstallerJars.java}).
 *
 * <pre>
 *   stage TARGET OS ARCH   the jars of target/mirrorscope.jar's Class-Path: JavaFX platform jars to TARGET/jfx (for
 *                          jlink), everything else, and the app jar, repacked into TARGET/installer-input
 *   natives JFX_DIR DEST   JavaFX's native libraries out of its platform jars into the runtime's library folder
 * </pre>
 *
 * <p>Repacking does two things, and nothing else (same entries, same bytes, same order, same manifest):
 * <ul>
 *   <li>entries are STORED, not deflated. The installer compresses its whole payload with xz, which finds the
 *       redundancy across all classes that per-entry deflate cannot: the class path packs to a third of the
 *       size. On disk the jars grow, and the JVM reads them without inflating.</li>
 *   <li>a jar that carries native libraries for many platforms (zstd-jni, snappy-java, lz4-java: Kafka's
 *       compression codecs) keeps only this platform's. Such a jar must still hold one for this platform, else the
 *       build fails: its codec would not load.</li>
 * </ul>
 *
 * <p>The JavaFX natives go where JavaFX looks first in a runtime image ({@code lib/}; {@code bin/javafx} on Windows):
 * without them there it extracts them into {@code ~/.openjfx/cache} at start-up.
 */
public final class InstallerJars {

    private static final List<String> NATIVE_SUFFIXES = List.of(".so", ".dll", ".dylib", ".jnilib", ".a");

    /** Jars that work without their native library (lz4-java falls back to Java), so may lose all of them. */
    private static final List<String> JAVA_FALLBACK = List.of("lz4-java-");

    /** Folder names that the codec jars use for an OS and a CPU (zstd-jni, snappy-java, lz4-java layouts). */
    private static final Map<String, Set<String>> OS_NAMES = Map.of(
            "linux", Set.of("linux", "Linux"),
            "macos", Set.of("darwin", "Mac", "mac", "osx", "macos"),
            "windows", Set.of("win", "win32", "Windows", "windows"));
    private static final Map<String, Set<String>> ARCH_NAMES = Map.of(
            "amd64", Set.of("amd64", "x86_64", "x86-64"),
            "aarch64", Set.of("aarch64", "arm64"));

    private InstallerJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("stage")) {
            stage(Path.of(args[1]), args[2], normalArch(args[3]));
        } else if (args.length == 3 && args[0].equals("natives")) {
            natives(Path.of(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: InstallerJars stage TARGET OS ARCH | natives JFX_DIR DEST");
            System.exit(2);
        }
    }

    private static String normalArch(String arch) {
        return switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "arm64", "aarch64" -> "aarch64";
            default -> throw new IllegalArgumentException("unsupported CPU " + arch);
        };
    }

    private static void stage(Path target, String os, String arch) throws IOException {
        Path appJar = target.resolve("mirrorscope.jar");
        Path jfx = target.resolve("jfx");
        Path input = target.resolve("installer-input");
        Files.createDirectories(jfx);
        Files.createDirectories(input.resolve("lib"));
        String classPath;
        try (JarFile jar = new JarFile(appJar.toFile())) {
            classPath = jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        }
        long before = 0;
        long after = 0;
        for (String entry : classPath.trim().split("\\s+")) {
            Path lib = appJar.resolveSibling(entry);
            String name = lib.getFileName().toString();
            if (name.startsWith("javafx-")) {
                // javafx-base-26.0.2-linux.jar holds the module; javafx-base-26.0.2.jar is an empty placeholder.
                if (name.matches("javafx-.*-\\d+(\\.\\d+)*-[a-z0-9-]+\\.jar")) {
                    Files.copy(lib, jfx.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
                continue;
            }
            before += Files.size(lib);
            after += repack(lib, input.resolve("lib").resolve(name), os, arch);
        }
        before += Files.size(appJar);
        after += repack(appJar, input.resolve("mirrorscope.jar"), os, arch);
        System.out.printf(Locale.ROOT, "class path: %.1f MB of jars as built, %.1f MB repacked%n",
                before / 1e6, after / 1e6);
    }

    /** Copies {@code from} to {@code to} with every entry STORED, leaving out other platforms' natives. */
    private static long repack(Path from, Path to, String os, String arch) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            List<String> mine = new ArrayList<>();
            Set<String> others = new LinkedHashSet<>();
            for (ZipEntry e : entries) {
                String[] folder = isNative(e.getName()) ? platformFolder(e.getName()) : null;
                if (folder != null) {
                    (isFor(folder, os, arch) ? mine : others).add(e.getName());
                }
            }
            String name = from.getFileName().toString();
            if (!others.isEmpty() && mine.isEmpty()) {
                if (JAVA_FALLBACK.stream().noneMatch(name::startsWith)) {
                    throw new IllegalStateException(name + " has native libraries, none for " + os + "/" + arch
                            + ": " + others);
                }
                System.out.println(name + ": no native library for " + os + "/" + arch + "; it runs in Java");
            }
            long dropped = 0;
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
                out.setMethod(ZipOutputStream.STORED);
                for (ZipEntry e : entries) {
                    if (others.contains(e.getName())) {
                        dropped += e.getSize();
                        continue;
                    }
                    byte[] data;
                    try (InputStream in = zip.getInputStream(e)) {
                        data = in.readAllBytes();
                    }
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(data.length);
                    copy.setCompressedSize(data.length);
                    copy.setCrc(crc.getValue());
                    copy.setTime(e.getTime());
                    out.putNextEntry(copy);
                    out.write(data);
                    out.closeEntry();
                }
            }
            if (!others.isEmpty()) {
                System.out.printf(Locale.ROOT, "%s: kept %s; left out %d natives of other platforms (%.1f MB)%n",
                        from.getFileName(), mine, others.size(), dropped / 1e6);
            }
        }
        return Files.size(to);
    }

    private static boolean isNative(String name) {
        return NATIVE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** The "os/arch" folder pair right above a native library, or null when it sits elsewhere. */
    private static String[] platformFolder(String name) {
        String[] parts = name.split("/");
        if (parts.length < 3) {
            return null;
        }
        String osFolder = parts[parts.length - 3];
        boolean known = OS_NAMES.values().stream().anyMatch(names -> names.contains(osFolder))
                || List.of("aix", "AIX", "freebsd", "FreeBSD", "SunOS").contains(osFolder);
        return known ? new String[] {osFolder, parts[parts.length - 2]} : null;
    }

    private static boolean isFor(String[] folder, String os, String arch) {
        return OS_NAMES.get(os).contains(folder[0]) && ARCH_NAMES.get(arch).contains(folder[1]);
    }

    private static void natives(Path jfxDir, Path dest) throws IOException {
        Files.createDirectories(dest);
        List<Path> jars;
        try (var files = Files.list(jfxDir)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        int count = 0;
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    if (!e.getName().contains("/") && isNative(e.getName())) {
                        try (InputStream in = zip.getInputStream(e);
                             OutputStream out = Files.newOutputStream(dest.resolve(e.getName()))) {
                            in.transferTo(out);
                        }
                        count++;
                    }
                }
            }
        }
        System.out.println("JavaFX natives: " + count + " into " + dest);
    }
}
