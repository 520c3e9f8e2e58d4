package io.tusk.testing;

import java.util.List;
import java.util.stream.Collectors;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a leak while it ran. Registered for every test through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} and
 * {@code junit.jupiter.extensions.autodetection.enabled=true} (junit-platform.properties).
 *
 * <p>Netty only notices a leak when the leaked object has been garbage collected and the detector is used
 * again, so after each class this runs the GC and allocates and releases a few buffers before it looks at
 * what {@link FailingLeakDetector} recorded. {@code -Dtusk.leakcheck=false} turns the check off.
 */
public final class LeakCheckExtension implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        if (!Boolean.parseBoolean(System.getProperty("tusk.leakcheck", "true"))) {
            return;
        }
        verifyNoLeaks(context.getDisplayName());
    }

    /** Makes Netty look for leaks now, then throws if any were recorded (and forgets them). */
    static void verifyNoLeaks(String where) {
        if (ResourceLeakDetector.isEnabled()) {
            provokeLeakReports();
        }
        List<FailingLeakDetector.Leak> leaks = FailingLeakDetector.drainLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty resource leak(s) detected in or before " + where + ":\n"
                    + leaks.stream().map(FailingLeakDetector.Leak::toString).collect(Collectors.joining("\n\n")));
        }
    }

    /** Collects garbage and uses the buffer leak detector so it polls its reference queue. */
    static void provokeLeakReports() {
        for (int round = 0; round < 2; round++) {
            System.gc();
            try {
                Thread.sleep(20); // let the reference handler enqueue what the GC found
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            release(PooledByteBufAllocator.DEFAULT.directBuffer(16));
            release(PooledByteBufAllocator.DEFAULT.heapBuffer(16));
            release(UnpooledByteBufAllocator.DEFAULT.directBuffer(16)); // unpooled heap buffers are not tracked
        }
    }

    private static void release(ByteBuf buffer) {
        buffer.writeByte(1);
        buffer.release();
    }
}
