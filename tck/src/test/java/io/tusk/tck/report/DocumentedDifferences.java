package io.tusk.tck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deliberate differences of tck/DIFFERENCES.md: each {@code ## heading} is one difference, and the test
 * ids in backquotes on its {@code Tests:} line are the tests that show it.
 */
record DocumentedDifferences(Map<String, List<String>> testsByTitle) {

    private static final Pattern TEST_ID = Pattern.compile("`(\\w+TckBase#[^`]+)`");

    static DocumentedDifferences read(Path file) throws IOException {
        Map<String, List<String>> byTitle = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return new DocumentedDifferences(byTitle);
        }
        String title = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                title = line.substring(3).strip();
                byTitle.put(title, new ArrayList<>());
            } else if (title != null && line.strip().startsWith("Tests:")) {
                Matcher m = TEST_ID.matcher(line);
                while (m.find()) {
                    byTitle.get(title).add(m.group(1));
                }
            }
        }
        return new DocumentedDifferences(byTitle);
    }

    /** The title of the difference a test shows, if any (a listed id ending in * matches by prefix). */
    Optional<String> titleOf(String testId) {
        for (Map.Entry<String, List<String>> e : testsByTitle.entrySet()) {
            for (String pattern : e.getValue()) {
                boolean match = pattern.endsWith("*") ? testId.startsWith(pattern.substring(0, pattern.length() - 1))
                    : testId.equals(pattern);
                if (match) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
