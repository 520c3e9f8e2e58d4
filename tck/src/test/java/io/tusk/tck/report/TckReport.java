package io.tusk.tck.report;

import io.tusk.tck.report.TestOutcome.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The verify step of the TCK (tck/pom.xml, exec-maven-plugin): merges {@code <results>/<driver>.tsv} into
 * {@code REPORT.md} and applies the gate: a test that pgjdbc passes and Tusk fails fails the build unless
 * {@code known-gaps.txt} lists it.
 *
 * <pre>
 * TckReport &lt;results dir&gt; &lt;tck dir&gt;
 * </pre>
 */
public final class TckReport {

    static final String TUSK = "tusk";
    static final String REFERENCE = "pgjdbc";

    private TckReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TckReport <results dir> <tck dir>");
        }
        Path results = Path.of(args[0]);
        Path tck = Path.of(args[1]);
        Results merged = Results.read(results);
        if (merged.drivers().isEmpty()) {
            System.out.println("[tck] no results in " + results + " (were the tests skipped?); REPORT.md unchanged");
            return;
        }
        KnownGaps gaps = KnownGaps.read(tck.resolve("known-gaps.txt"));
        DocumentedDifferences differences = DocumentedDifferences.read(tck.resolve("DIFFERENCES.md"));
        Gate gate = Gate.apply(merged, gaps);
        String markdown = new ReportMarkdown(merged, gaps, differences, gate).render();
        Files.writeString(tck.resolve("REPORT.md"), markdown, StandardCharsets.UTF_8);

        System.out.println("[tck] " + merged.summary());
        System.out.println("[tck] wrote " + tck.resolve("REPORT.md"));
        for (String stale : gate.staleGaps()) {
            System.out.println("[tck] known gap now passes on Tusk, remove it from known-gaps.txt: " + stale);
        }
        if (!gate.unexpected().isEmpty()) {
            StringBuilder message = new StringBuilder();
            message.append(gate.unexpected().size()).append(" test(s) pass on pgjdbc and fail on Tusk and are not in ")
                .append("tck/known-gaps.txt:");
            for (String id : gate.unexpected()) {
                message.append("\n  ").append(id).append("  --  ")
                    .append(merged.outcome(TUSK, id).map(TestOutcome::detail).orElse(""));
            }
            throw new IllegalStateException(message.toString());
        }
        System.out.println("[tck] gate passed: every test pgjdbc passes and Tusk fails is a known gap ("
                + gate.knownGapFailures().size() + ")");
    }

    /** The outcomes of every driver, by driver (tusk, pgjdbc, then others by name) and test id. */
    record Results(Map<String, Map<String, TestOutcome>> byDriver, Map<String, List<String>> infos) {

        static Results read(Path dir) throws IOException {
            Map<String, Map<String, TestOutcome>> byDriver = new TreeMap<>(TckReport::compareDrivers);
            Map<String, List<String>> infos = new TreeMap<>(TckReport::compareDrivers);
            if (!Files.isDirectory(dir)) {
                return new Results(byDriver, infos);
            }
            try (var files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(".tsv")) {
                        continue;
                    }
                    String driver = name.substring(0, name.length() - 4);
                    Map<String, TestOutcome> outcomes = new TreeMap<>();
                    List<String> info = new ArrayList<>();
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (line.startsWith("#info\t")) {
                            info.add(line.substring(6));
                        } else if (!line.startsWith("#") && !line.isBlank()) {
                            TestOutcome outcome = TestOutcome.parse(line);
                            outcomes.put(outcome.id(), outcome);
                        }
                    }
                    byDriver.put(driver, outcomes);
                    infos.put(driver, info);
                }
            }
            return new Results(byDriver, infos);
        }

        List<String> drivers() {
            return new ArrayList<>(byDriver.keySet());
        }

        TreeSet<String> testIds() {
            TreeSet<String> ids = new TreeSet<>();
            byDriver.values().forEach(m -> ids.addAll(m.keySet()));
            return ids;
        }

        Optional<TestOutcome> outcome(String driver, String id) {
            return Optional.ofNullable(byDriver.getOrDefault(driver, Map.of()).get(id));
        }

        Optional<Status> status(String driver, String id) {
            return outcome(driver, id).map(TestOutcome::status);
        }

        long count(String driver, Status status) {
            return byDriver.getOrDefault(driver, Map.of()).values().stream().filter(o -> o.status() == status).count();
        }

        String summary() {
            StringBuilder s = new StringBuilder(testIds().size() + " tests");
            for (String driver : drivers()) {
                s.append("; ").append(driver).append(": ").append(count(driver, Status.PASS)).append(" pass, ")
                    .append(count(driver, Status.FAIL)).append(" fail, ").append(count(driver, Status.SKIP))
                    .append(" skip");
            }
            return s.toString();
        }
    }

    /**
     * The gate's verdict.
     *
     * @param knownGapFailures pgjdbc passes, Tusk fails, known-gaps.txt lists it (test id to gap)
     * @param unexpected       pgjdbc passes, Tusk fails, not listed: fails the build
     * @param staleGaps        listed in known-gaps.txt, ran, and Tusk passes every test the line matches
     */
    record Gate(Map<String, KnownGaps.Gap> knownGapFailures, List<String> unexpected, List<String> staleGaps) {

        static Gate apply(Results results, KnownGaps gaps) {
            Map<String, KnownGaps.Gap> known = new LinkedHashMap<>();
            List<String> unexpected = new ArrayList<>();
            for (String id : results.testIds()) {
                boolean referencePasses = results.status(REFERENCE, id).orElse(null) == Status.PASS;
                boolean tuskFails = results.status(TUSK, id).orElse(null) == Status.FAIL;
                if (referencePasses && tuskFails) {
                    Optional<KnownGaps.Gap> gap = gaps.find(id);
                    if (gap.isPresent()) {
                        known.put(id, gap.get());
                    } else {
                        unexpected.add(id);
                    }
                }
            }
            List<String> stale = new ArrayList<>();
            if (results.byDriver().containsKey(TUSK)) {
                for (KnownGaps.Gap gap : gaps.gaps()) {
                    // Only gaps whose tests ran (a run of one area says nothing about the others).
                    List<Status> ran = results.testIds().stream().filter(gap::matches)
                        .map(id -> results.status(TUSK, id).orElse(null)).filter(s -> s != null).toList();
                    if (!ran.isEmpty() && !ran.contains(Status.FAIL)) {
                        stale.add(gap.pattern() + " (known-gaps.txt line " + gap.line() + ")");
                    }
                }
            }
            return new Gate(known, unexpected, stale);
        }
    }

    /** tusk first, pgjdbc second, then any other driver by name. */
    static int compareDrivers(String a, String b) {
        return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
    }

    private static int rank(String driver) {
        return driver.equals(TUSK) ? 0 : driver.equals(REFERENCE) ? 1 : 2;
    }
}
