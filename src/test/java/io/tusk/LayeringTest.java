package io.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's layers, checked on the sources: the public APIs (the JDBC facade and the async API)
 * never reach into the engine's protocol and network packages, and the engine never into the
 * layers above it.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/io/tusk");
    /** Any reference to a class of the package: an import, a qualified name, a Javadoc link. */
    private static final Pattern REFERENCE = Pattern.compile("io\\.tusk\\.[a-z.]+\\.[A-Z]\\w*");

    @Test
    void publicApisDoNotUseTheEngineDirectly() throws IOException {
        List<String> offending = new ArrayList<>();
        offending.addAll(imports(MAIN.resolve("jdbc"), "io.tusk.internal.protocol", "io.tusk.internal.net"));
        offending.addAll(imports(MAIN, "io.tusk.internal.protocol", "io.tusk.internal.net")); // io.tusk itself
        assertEquals(List.of(), offending);
    }

    @Test
    void theEngineDoesNotUseTheLayersAboveIt() throws IOException {
        List<String> offending = new ArrayList<>();
        for (String engine : new String[] {"net", "protocol", "codec", "row", "auth"}) {
            offending.addAll(imports(MAIN.resolve("internal").resolve(engine), "io.tusk.jdbc", "io.tusk.internal.session"));
        }
        assertEquals(List.of(), offending);
    }

    /** References to {@code forbidden} packages in the files of {@code dir} (recursively for internal packages). */
    private static List<String> imports(Path dir, String... forbidden) throws IOException {
        assertTrue(Files.isDirectory(dir), dir + " (tests run from the project directory)");
        List<String> found = new ArrayList<>();
        boolean recursive = !dir.equals(MAIN);
        try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    for (String f : forbidden) {
                        if (m.group().startsWith(f + ".")) {
                            found.add(MAIN.relativize(file) + " uses " + m.group());
                        }
                    }
                }
            }
        }
        return found;
    }
}
