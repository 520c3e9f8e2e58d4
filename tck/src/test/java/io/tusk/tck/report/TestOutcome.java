package io.tusk.tck.report;

/**
 * One test's outcome for one driver: a line of {@code <driver>.tsv} ({@code id TAB status TAB detail}).
 *
 * @param id     {@code <Area>TckBase#method}, with {@code [display name]} for a parameterized invocation
 * @param status pass, fail or skip
 * @param detail for a failure or skip: exception, first message line and TCK source line; else empty
 */
record TestOutcome(String id, Status status, String detail) {

    enum Status { PASS, FAIL, SKIP }

    String toTsv() {
        return clean(id) + "\t" + status + "\t" + clean(detail);
    }

    static TestOutcome parse(String line) {
        String[] parts = line.split("\t", 3);
        return new TestOutcome(parts[0], Status.valueOf(parts[1]), parts.length > 2 ? parts[2] : "");
    }

    /** Tabs and line breaks would break the file's format. */
    static String clean(String text) {
        return text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
