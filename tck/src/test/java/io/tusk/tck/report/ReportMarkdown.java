package io.tusk.tck.report;

import io.tusk.tck.report.TckReport.Gate;
import io.tusk.tck.report.TckReport.Results;
import io.tusk.tck.report.TestOutcome.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Renders REPORT.md: counts and the gate first, then the differences, the failures and the full table. */
final class ReportMarkdown {

    private final Results results;
    private final KnownGaps gaps;
    private final DocumentedDifferences differences;
    private final Gate gate;
    private final List<String> drivers;
    private final StringBuilder out = new StringBuilder();

    ReportMarkdown(Results results, KnownGaps gaps, DocumentedDifferences differences, Gate gate) {
        this.results = results;
        this.gaps = gaps;
        this.differences = differences;
        this.gate = gate;
        this.drivers = results.drivers();
    }

    String render() {
        line("# JDBC conformance report");
        line("");
        line("Written by the TCK build (`tck/run.sh`, i.e. `mvn -f tck/pom.xml verify`); do not edit by hand. "
                + "How to read it: [README.md](README.md#reading-reportmd).");
        line("");
        counts();
        gateSection();
        differencesSection();
        deliberateSection();
        bothFailSection();
        failureDetails();
        allTests();
        return out.toString();
    }

    private void counts() {
        line("**" + results.testIds().size() + " tests.**");
        line("");
        line("| driver | pass | fail | skip | driver | server |");
        line("|---|---:|---:|---:|---|---|");
        for (String driver : drivers) {
            List<String> info = results.infos().getOrDefault(driver, List.of());
            String driverText = info.size() > 1 ? info.get(1) + " (`" + info.get(0) + "`)" : String.join(" ", info);
            String server = info.size() > 2 ? info.get(2) : "";
            line("| " + driver + " | " + results.count(driver, Status.PASS) + " | " + results.count(driver, Status.FAIL)
                    + " | " + results.count(driver, Status.SKIP) + " | " + escape(driverText) + " | " + escape(server)
                    + " |");
        }
        line("");
    }

    private void gateSection() {
        int known = gate.knownGapFailures().size();
        int unexpected = gate.unexpected().size();
        if (!drivers.contains(TckReport.TUSK) || !drivers.contains(TckReport.REFERENCE)) {
            line("**Gate:** not applied (this run lacks tusk or pgjdbc results).");
        } else if (unexpected == 0) {
            line("**Gate: passed.** " + (known + unexpected) + " tests pass on pgjdbc and fail on Tusk; all are "
                    + "known gaps listed in [known-gaps.txt](known-gaps.txt).");
        } else {
            line("**Gate: FAILED.** " + (known + unexpected) + " tests pass on pgjdbc and fail on Tusk; " + unexpected
                    + " of them are not in [known-gaps.txt](known-gaps.txt):");
            line("");
            for (String id : gate.unexpected()) {
                line("- `" + id + "`: " + escape(detail(TckReport.TUSK, id)));
            }
        }
        if (!gate.staleGaps().isEmpty()) {
            line("");
            line("Known gaps that Tusk now passes (remove them from known-gaps.txt):");
            line("");
            for (String stale : gate.staleGaps()) {
                line("- " + stale);
            }
        }
        line("");
        line("Legend: `pass`, **`FAIL`**, `skip` (an assumption did not hold, e.g. an optional feature the driver "
                + "declares unsupported), `-` (not run).");
        line("");
    }

    private void differencesSection() {
        line("## Where the drivers differ");
        line("");
        List<String> ids = results.testIds().stream().filter(this::differs).toList();
        if (ids.isEmpty()) {
            line("Every test has the same outcome for every driver.");
            line("");
            return;
        }
        line("Tests whose outcome is not the same for every driver, and why.");
        line("");
        header("test", "why");
        for (String id : ids) {
            row(id, explanation(id));
        }
        line("");
    }

    private void deliberateSection() {
        line("## Deliberate differences");
        line("");
        line("Where Tusk differs from pgjdbc on purpose; the reasons are in [DIFFERENCES.md](DIFFERENCES.md).");
        line("");
        for (Map.Entry<String, List<String>> difference : differences.testsByTitle().entrySet()) {
            if (difference.getValue().isEmpty()) {
                continue; // a section without a Tests: line (e.g. the pointer to known-gaps.txt)
            }
            List<String> shown = new ArrayList<>();
            for (String pattern : difference.getValue()) {
                for (String id : results.testIds()) {
                    boolean match = pattern.endsWith("*") ? id.startsWith(pattern.substring(0, pattern.length() - 1))
                        : id.equals(pattern);
                    if (match) {
                        shown.add("`" + id + "` (" + statuses(id) + ")");
                    }
                }
            }
            line("- **" + difference.getKey() + "**" + (shown.isEmpty() ? "" : ": " + String.join(", ", shown)));
        }
        line("");
    }

    private void bothFailSection() {
        List<String> ids = results.testIds().stream()
            .filter(id -> drivers.stream().allMatch(d -> results.status(d, id).orElse(null) == Status.FAIL))
            .toList();
        if (ids.isEmpty()) {
            return;
        }
        line("## Failing for every driver");
        line("");
        line("A test no driver passes is more likely wrong than the drivers; each of these needs a look.");
        line("");
        for (String id : ids) {
            line("- `" + id + "`");
        }
        line("");
    }

    private void failureDetails() {
        line("## Failures");
        line("");
        for (String driver : drivers) {
            List<String> failed = results.testIds().stream()
                .filter(id -> results.status(driver, id).orElse(null) == Status.FAIL).toList();
            line("### " + driver + " (" + failed.size() + ")");
            line("");
            for (String id : failed) {
                line("- `" + id + "`: " + escape(detail(driver, id)));
            }
            line("");
        }
    }

    private void allTests() {
        line("## All tests");
        line("");
        Map<String, List<String>> byArea = new LinkedHashMap<>();
        for (String id : results.testIds()) {
            byArea.computeIfAbsent(id.substring(0, id.indexOf('#')), a -> new ArrayList<>()).add(id);
        }
        for (Map.Entry<String, List<String>> area : byArea.entrySet()) {
            line("### " + area.getKey() + " (" + area.getValue().size() + ")");
            line("");
            header("test", "note");
            for (String id : area.getValue()) {
                row(id, differs(id) ? explanation(id) : "");
            }
            line("");
        }
    }

    // ---------------------------------------------------------------------------------------------- parts

    private boolean differs(String id) {
        return drivers.stream().map(d -> results.status(d, id).orElse(null)).distinct().count() > 1;
    }

    private String explanation(String id) {
        List<String> why = new ArrayList<>();
        Optional<KnownGaps.Gap> gap = gaps.find(id);
        gap.ifPresent(g -> why.add("known gap (" + g.issue() + "): " + escape(g.reason())));
        differences.titleOf(id).ifPresent(t -> why.add("documented: " + escape(t)));
        if (why.isEmpty()) {
            Status tusk = results.status(TckReport.TUSK, id).orElse(null);
            Status reference = results.status(TckReport.REFERENCE, id).orElse(null);
            if (tusk == Status.FAIL && reference == Status.PASS) {
                why.add("**not explained: likely a Tusk bug**");
            } else if (tusk == Status.PASS && reference == Status.FAIL) {
                why.add("Tusk passes where pgjdbc fails; not in DIFFERENCES.md");
            } else {
                why.add("not explained");
            }
        }
        return String.join("; ", why);
    }

    private String statuses(String id) {
        List<String> parts = new ArrayList<>();
        for (String driver : drivers) {
            parts.add(driver + " " + results.status(driver, id).map(s -> s.name().toLowerCase()).orElse("-"));
        }
        return String.join(", ", parts);
    }

    private String detail(String driver, String id) {
        return results.outcome(driver, id).map(TestOutcome::detail).filter(Objects::nonNull).orElse("");
    }

    private void header(String first, String last) {
        StringBuilder h = new StringBuilder("| " + first + " |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String driver : drivers) {
            h.append(' ').append(driver).append(" |");
            rule.append("---|");
        }
        line(h + " " + last + " |");
        line(rule + "---|");
    }

    private void row(String id, String note) {
        StringBuilder r = new StringBuilder("| `" + id.replace("|", "\\|") + "` |");
        for (String driver : drivers) {
            Status status = results.status(driver, id).orElse(null);
            String cell = status == null ? "-" : status == Status.FAIL ? "**`FAIL`**" : "`" + status.name().toLowerCase() + "`";
            r.append(' ').append(cell).append(" |");
        }
        line(r + " " + note + " |");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
