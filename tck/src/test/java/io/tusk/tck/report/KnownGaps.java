package io.tusk.tck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * tck/known-gaps.txt: the tests Tusk is known to fail although pgjdbc passes them, each with the issue it
 * belongs to. One per line, fields separated by two or more spaces or a tab:
 *
 * <pre>
 * &lt;TestClass&gt;#&lt;method&gt;[&lt;invocation&gt;]  &lt;issue&gt;  &lt;reason&gt;
 * </pre>
 *
 * A test id ending in {@code *} matches every id that starts with the rest (all invocations of a
 * parameterized test, say). Blank lines and lines starting with {@code #} are comments.
 */
record KnownGaps(List<Gap> gaps) {

    record Gap(String pattern, String issue, String reason, int line) {
        boolean matches(String testId) {
            return pattern.endsWith("*") ? testId.startsWith(pattern.substring(0, pattern.length() - 1))
                : testId.equals(pattern);
        }
    }

    static KnownGaps read(Path file) throws IOException {
        List<Gap> gaps = new ArrayList<>();
        if (!Files.exists(file)) {
            return new KnownGaps(gaps);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s{2,}|\\t+", 3);
            if (fields.length < 3 || !fields[0].contains("#")) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected "
                        + "'<TestClass>#<method>  <issue>  <reason>' (fields separated by two spaces), not: " + line);
            }
            gaps.add(new Gap(fields[0], fields[1], fields[2].strip(), i + 1));
        }
        return new KnownGaps(gaps);
    }

    Optional<Gap> find(String testId) {
        return gaps.stream().filter(g -> g.matches(testId)).findFirst();
    }
}
