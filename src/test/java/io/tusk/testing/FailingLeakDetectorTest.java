package io.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import io.netty.util.ResourceLeakTracker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The leak detector really catches leaks, and the leaks made here on purpose do not fail the build. */
class FailingLeakDetectorTest {

    /** Something to track with a private detector. */
    static final class Probe {
    }

    private ResourceLeakDetector.Level levelBefore;

    @BeforeEach
    void paranoid() {
        levelBefore = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterEach
    void restoreLevel() {
        ResourceLeakDetector.setLevel(levelBefore);
    }

    @Test
    void privateDetectorReportsALeakedObjectWithItsAccessRecords() {
        List<FailingLeakDetector.Leak> sink = new CopyOnWriteArrayList<>();
        FailingLeakDetector<Probe> detector = new FailingLeakDetector<>(Probe.class, 1, sink::add);
        String marker = FailingLeakDetector.DELIBERATE_LEAK_HINT + "-" + UUID.randomUUID();
        leakProbe(detector, marker);

        awaitTrue(() -> {
            System.gc();
            Probe probe = new Probe();
            ResourceLeakTracker<Probe> tracker = detector.track(probe); // polls the reference queue
            tracker.close(probe);
            return sink.stream().anyMatch(l -> l.records().contains(marker));
        }, "the private detector never reported the leaked probe");

        FailingLeakDetector.Leak leak = sink.stream().filter(l -> l.records().contains(marker)).findFirst().get();
        assertEquals("FailingLeakDetectorTest$Probe", leak.resourceType());
        assertTrue(leak.records().contains("leakProbe"), leak.records()); // PARANOID records where it was touched
        assertFalse(FailingLeakDetector.recordedLeaks().stream().anyMatch(l -> l.records().contains(marker)),
                "a private detector must not report into the global list");
    }

    @Test
    void nettyCreatesFailingDetectorsAndALeakedByteBufIsRecorded() {
        assumeTrue(FailingLeakDetector.class.getName().equals(System.getProperty("io.netty.customResourceLeakDetector")),
                "runs only with -Dio.netty.customResourceLeakDetector=" + FailingLeakDetector.class.getName());

        assertInstanceOf(FailingLeakDetector.class,
                ResourceLeakDetectorFactory.instance().newResourceLeakDetector(ByteBuf.class));
        assertInstanceOf(FailingLeakDetector.class,
                ResourceLeakDetectorFactory.instance().newResourceLeakDetector(ByteBuf.class, 1));

        String marker = FailingLeakDetector.DELIBERATE_LEAK_HINT + "-" + UUID.randomUUID();
        leakBuffer(marker);
        try {
            awaitTrue(() -> {
                LeakCheckExtension.provokeLeakReports();
                return FailingLeakDetector.recordedLeaks().stream().anyMatch(l -> l.records().contains(marker));
            }, "Netty never reported the leaked ByteBuf");
        } finally {
            // The leak was made on purpose: it must not fail this class in LeakCheckExtension.
            List<FailingLeakDetector.Leak> removed = FailingLeakDetector.removeLeaks(l -> l.records().contains(marker));
            removed.forEach(l -> assertTrue(l.resourceType().contains("ByteBuf"), l.resourceType()));
        }
    }

    @Test
    void leakCheckFailsWithTheRecordedLeaksAndForgetsThem() {
        FailingLeakDetector.Leak fake = new FailingLeakDetector.Leak("FakeResource", "\n#1: made up by the test");
        FailingLeakDetector.record(fake);
        AssertionError error = assertThrows(AssertionError.class, () -> LeakCheckExtension.verifyNoLeaks("a test"));
        assertTrue(error.getMessage().contains("LEAK of FakeResource"), error.getMessage());
        assertTrue(error.getMessage().contains("made up by the test"), error.getMessage());
        assertFalse(FailingLeakDetector.recordedLeaks().contains(fake));
        LeakCheckExtension.verifyNoLeaks("a test"); // nothing left
    }

    private static void leakProbe(FailingLeakDetector<Probe> detector, String marker) {
        Probe probe = new Probe();
        ResourceLeakTracker<Probe> tracker = detector.track(probe);
        tracker.record(marker);
        // neither closed nor kept: leaked once the GC runs
    }

    private static void leakBuffer(String marker) {
        // Unpooled heap buffers are not tracked (the GC frees them); pooled ones are.
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.heapBuffer(8);
        buffer.touch(marker);
        buffer.writeLong(42);
        // never released
    }

    private static void awaitTrue(BooleanSupplier condition, String message) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(message);
    }
}
