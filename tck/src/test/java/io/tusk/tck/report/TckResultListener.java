package io.tusk.tck.report;

import io.tusk.tck.ConnectionSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records the outcome of every TCK test per driver and writes {@code <tck.results>/<driver>.tsv} when the test
 * plan finishes (registered through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}).
 *
 * <p>The driver is the package of the binding class ({@code io.tusk.tck.tusk.ConnectionTuskTck} is "tusk");
 * the test's id is {@code <declaring TckBase class>#<method>}, plus {@code [<display name>]} for an invocation
 * of a parameterized test, so the same id names the same test for every driver. {@link TckReport} merges
 * the files.
 */
public final class TckResultListener implements TestExecutionListener {

    private static final String PACKAGE = "io.tusk.tck.";
    /** All outcomes of this JVM, by driver, then test id (the launcher may run more than one plan). */
    private static final Map<String, Map<String, TestOutcome>> OUTCOMES = new TreeMap<>();
    private static boolean cleaned;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        synchronized (OUTCOMES) {
            if (!cleaned) {
                cleaned = true;
                Path dir = resultsDir();
                try {
                    if (Files.isDirectory(dir)) {
                        try (var files = Files.list(dir)) {
                            for (Path file : (Iterable<Path>) files::iterator) {
                                if (file.getFileName().toString().endsWith(".tsv")) {
                                    Files.delete(file);
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            record(test, TestOutcome.Status.SKIP, reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> record(test, TestOutcome.Status.PASS, "");
            case ABORTED -> record(test, TestOutcome.Status.SKIP, describe(result.getThrowable(), test));
            case FAILED -> record(test, TestOutcome.Status.FAIL, describe(result.getThrowable(), test));
            default -> throw new IllegalStateException("unknown status " + result.getStatus());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Map<String, List<String>> descriptions = ConnectionSources.descriptions();
        synchronized (OUTCOMES) {
            Path dir = resultsDir();
            try {
                Files.createDirectories(dir);
                for (Map.Entry<String, Map<String, TestOutcome>> driver : OUTCOMES.entrySet()) {
                    List<String> lines = new ArrayList<>();
                    String name = driver.getKey();
                    String label = name.equals("custom") ? ConnectionSources.customName() : name;
                    lines.add("#driver\t" + label);
                    for (String info : descriptions.getOrDefault(label, List.of())) {
                        lines.add("#info\t" + TestOutcome.clean(info));
                    }
                    for (TestOutcome outcome : driver.getValue().values()) {
                        lines.add(outcome.toTsv());
                    }
                    Files.write(dir.resolve(label + ".tsv"), lines, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void record(TestIdentifier test, TestOutcome.Status status, String detail) {
        Optional<TestSource> source = test.getSource();
        if (source.isEmpty() || !(source.get() instanceof MethodSource method)
                || !method.getClassName().startsWith(PACKAGE)) {
            return;
        }
        String bindingClass = method.getClassName().substring(PACKAGE.length());
        int dot = bindingClass.indexOf('.');
        if (dot < 0) {
            return; // not a binding (io.tusk.tck.<driver>.<Class>)
        }
        String driver = bindingClass.substring(0, dot);
        String area;
        try {
            Method javaMethod = method.getJavaMethod();
            area = javaMethod.getDeclaringClass().getSimpleName();
        } catch (RuntimeException e) {
            area = bindingClass.substring(dot + 1);
        }
        String id = area + "#" + method.getMethodName();
        UniqueId uniqueId = test.getUniqueIdObject();
        if (uniqueId.getLastSegment().getType().endsWith("-invocation")) {
            id += "[" + test.getDisplayName() + "]";
        }
        synchronized (OUTCOMES) {
            OUTCOMES.computeIfAbsent(driver, d -> new TreeMap<>()).put(id, new TestOutcome(id, status, detail));
        }
    }

    /**
     * The exception's class and first message line, and where in the TCK it was thrown: the line of the test
     * method itself if it is on the stack, else the first TCK line outside TckBase.
     */
    private static String describe(Optional<Throwable> throwable, TestIdentifier test) {
        if (throwable.isEmpty()) {
            return "";
        }
        Throwable t = throwable.get();
        String message = t.getMessage() == null ? "" : t.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline) + " …";
        }
        if (message.length() > 300) {
            message = message.substring(0, 300) + " …";
        }
        String testMethod = test.getSource().filter(MethodSource.class::isInstance)
            .map(source -> ((MethodSource) source).getMethodName()).orElse("");
        String where = "";
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith(PACKAGE) && !frame.getClassName().startsWith(PACKAGE + "TckBase")) {
                String here = " at " + frame.getFileName() + ":" + frame.getLineNumber();
                if (where.isEmpty()) {
                    where = here;
                }
                if (frame.getMethodName().equals(testMethod)) {
                    where = here;
                    break;
                }
            }
        }
        String type = t.getClass().getSimpleName();
        if (t instanceof java.sql.SQLException sql) {
            type += "(" + sql.getSQLState() + ")";
        }
        return type + ": " + message + where;
    }

    private static Path resultsDir() {
        return Path.of(System.getProperty("tck.results", "target/tck-results"));
    }
}
