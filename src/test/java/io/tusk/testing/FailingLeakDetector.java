package io.tusk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.netty.util.ResourceLeakDetector;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Netty leak detector that remembers every leak it reports, so that {@link LeakCheckExtension} can fail
 * the test class that leaked. Netty uses it for all its detectors when started with
 * {@code -Dio.netty.customResourceLeakDetector=io.tusk.testing.FailingLeakDetector} (the pom does, together
 * with {@code -Dio.netty.leakDetection.level=PARANOID}); Netty's {@code ResourceLeakDetectorFactory} looks up
 * the public {@code (Class, int)} and {@code (Class, int, long)} constructors by reflection.
 *
 * <p>Leaks are still logged as Netty logs them.
 */
public class FailingLeakDetector<T> extends ResourceLeakDetector<T> {

    /** One reported leak: the resource type (simple class name) and Netty's access records (may be empty). */
    public record Leak(String resourceType, String records) {
        @Override
        public String toString() {
            return "LEAK of " + resourceType + (records.isEmpty()
                    ? " (no access records; run with -Dio.netty.leakDetection.level=PARANOID to see them)"
                    : ":" + records);
        }
    }

    /**
     * Tests that leak on purpose touch the object with a hint starting with this; such leaks are still recorded
     * but logged at INFO instead of Netty's ERROR, so that the build log does not cry wolf.
     */
    public static final String DELIBERATE_LEAK_HINT = "tusk-deliberate-leak";

    private static final Logger LOG = LoggerFactory.getLogger(FailingLeakDetector.class);
    private static final List<Leak> LEAKS = new CopyOnWriteArrayList<>();

    private final Consumer<Leak> sink;
    private final boolean log;

    /** The constructor Netty's factory uses. Leaks go to the global list checked by {@link LeakCheckExtension}. */
    public FailingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
        this.sink = LEAKS::add;
        this.log = true;
    }

    /** The obsolete constructor Netty's factory prefers when it exists; {@code maxActive} is ignored by Netty. */
    public FailingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        this(resourceType, samplingInterval);
    }

    /**
     * A detector that reports only to {@code sink}, neither to the global list nor to the log (for testing the
     * detector itself).
     */
    public FailingLeakDetector(Class<?> resourceType, int samplingInterval, Consumer<Leak> sink) {
        super(resourceType, samplingInterval);
        this.sink = Objects.requireNonNull(sink, "sink");
        this.log = false;
    }

    @Override
    protected boolean needReport() {
        return true; // report even when Netty's logger has ERROR switched off
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        sink.accept(new Leak(resourceType, records));
        if (!log) {
            return;
        }
        if (records.contains(DELIBERATE_LEAK_HINT)) {
            LOG.info("Detected the deliberate leak of a {} (as expected)", resourceType);
        } else {
            super.reportTracedLeak(resourceType, records);
        }
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        sink.accept(new Leak(resourceType, ""));
        if (log) {
            super.reportUntracedLeak(resourceType);
        }
    }

    /** The leaks recorded so far (a copy). */
    public static List<Leak> recordedLeaks() {
        return List.copyOf(LEAKS);
    }

    /** Removes and returns the recorded leaks. */
    public static List<Leak> drainLeaks() {
        List<Leak> drained = new ArrayList<>();
        for (Leak leak : LEAKS) {
            if (LEAKS.remove(leak)) {
                drained.add(leak);
            }
        }
        return drained;
    }

    /** Removes the recorded leaks matching {@code filter} (e.g. leaks a test made on purpose); returns them. */
    public static List<Leak> removeLeaks(Predicate<Leak> filter) {
        List<Leak> removed = new ArrayList<>();
        for (Leak leak : LEAKS) {
            if (filter.test(leak) && LEAKS.remove(leak)) {
                removed.add(leak);
            }
        }
        return removed;
    }

    /** Records a leak into the global list, as the detector would. */
    static void record(Leak leak) {
        LEAKS.add(leak);
    }
}
