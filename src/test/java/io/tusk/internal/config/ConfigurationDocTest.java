package io.tusk.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.ConnectionProperty;
import io.tusk.ConnectionProperty.Support;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the property reference in {@code docs/configuration.md} equal to {@link ConnectionProperty}:
 * the section between the markers is rendered from the enum and must match exactly. Run with
 * {@code -Dtusk.updateDocs=true} to rewrite that section instead:
 * {@code mvn test -Dtest=ConfigurationDocTest -Dtusk.updateDocs=true}.
 */
class ConfigurationDocTest {
    static final String BEGIN = "<!-- BEGIN GENERATED from io.tusk.ConnectionProperty by ConfigurationDocTest;"
            + " do not edit by hand -->";
    static final String END = "<!-- END GENERATED -->";

    @Test
    void referenceMatchesTheEnum() throws IOException {
        Path doc = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "docs", "configuration.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, doc + " needs the markers " + BEGIN + " and " + END);
        String current = text.substring(begin + BEGIN.length(), end);
        String rendered = "\n" + render() + "\n";
        if (Boolean.getBoolean("tusk.updateDocs")) {
            Files.writeString(doc, text.substring(0, begin + BEGIN.length()) + rendered + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(rendered, current, doc + " is out of date with ConnectionProperty; "
                + "run: mvn test -Dtest=ConfigurationDocTest -Dtusk.updateDocs=true");
    }

    /** The Markdown: the full table, then the properties that do not act yet. */
    static String render() {
        StringBuilder md = new StringBuilder();
        md.append("| Property | Aliases | Default | Values | Environment | Acts | Description |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (ConnectionProperty p : ConnectionProperty.values()) {
            md.append("| `").append(p.canonicalName()).append("` | ")
                    .append(p.aliases().stream().map(a -> "`" + a + "`").collect(Collectors.joining(", "))).append(" | ")
                    .append(defaultCell(p)).append(" | ")
                    .append(escape(values(p))).append(" | ")
                    .append(p.environmentVariable().map(v -> "`" + v + "`").orElse("")).append(" | ")
                    .append(acts(p.support())).append(" | ")
                    .append(escape(p.description())).append(" |\n");
        }
        md.append("\nProperties that do not act in this version:\n\n");
        for (Support s : List.of(Support.NOT_YET, Support.IGNORED, Support.UNSUPPORTED)) {
            String names = java.util.Arrays.stream(ConnectionProperty.values()).filter(p -> p.support() == s)
                    .map(p -> "`" + p.canonicalName() + "`").collect(Collectors.joining(", "));
            if (!names.isEmpty()) {
                md.append("- ").append(heading(s)).append(": ").append(names).append("\n");
            }
        }
        return md.toString();
    }

    private static String defaultCell(ConnectionProperty p) {
        if (p.defaultValue() != null) {
            return p.defaultValue().isEmpty() ? "(empty)" : "`" + p.defaultValue() + "`";
        }
        return escape(p.defaultDescription());
    }

    private static String values(ConnectionProperty p) {
        String unit = p.unit().map(u -> ", " + u.symbol()).orElse("");
        switch (p.type()) {
            case CHOICE:
                return p.choices().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
            case BOOLEAN:
                return "`true`, `false`";
            case INTEGER:
                return "integer " + p.minimum() + "–" + p.maximum() + unit;
            case SECONDS:
                return "seconds (fractions allowed), 0–" + p.maximum();
            case PATH:
                return "file path";
            case HOST_LIST:
                return "hosts, comma-separated";
            case PORT_LIST:
                return "ports 1–65535, comma-separated";
            default:
                return p.secret() ? "text (secret)" : "text";
        }
    }

    private static String acts(Support s) {
        switch (s) {
            case ACTIVE: return "yes";
            case NOT_YET: return "not yet";
            case IGNORED: return "ignored";
            default: return "refused";
        }
    }

    private static String heading(Support s) {
        switch (s) {
            case NOT_YET: return "**not yet acting** (the JDBC facade, statement cache and multi-host logic will use them)";
            case IGNORED: return "**ignored** (pgjdbc compatibility only)";
            default: return "**refused** with SQLSTATE 0A000 when set, rather than connecting somewhere unintended";
        }
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|").replace("\n", " ");
    }
}
