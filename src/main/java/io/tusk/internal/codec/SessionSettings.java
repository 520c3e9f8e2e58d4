package io.tusk.internal.codec;

import io.tusk.internal.codec.datetime.IntervalStyle;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The session settings that change how the server prints a value in text, as the server last
 * reported them (ParameterStatus). {@link Codec#decodeString(byte[], int, int, boolean, SessionSettings)}
 * uses them to print a binary value exactly as the same value would have come in text, so
 * {@code getString} does not depend on the wire format. Reads are cheap: a getter is called per value.
 */
public interface SessionSettings {
    /** What a fresh server prints with: UTC, IntervalStyle {@code postgres}. */
    SessionSettings DEFAULT = of(ZoneOffset.UTC, IntervalStyle.POSTGRES);

    /** {@code TimeZone}: how timestamptz text is printed. */
    ZoneId timeZone();

    /** {@code IntervalStyle}: how interval text is printed. */
    IntervalStyle intervalStyle();

    /** Fixed settings, for tests and for values printed outside a session. */
    static SessionSettings of(ZoneId timeZone, IntervalStyle intervalStyle) {
        return new SessionSettings() {
            @Override
            public ZoneId timeZone() {
                return timeZone;
            }

            @Override
            public IntervalStyle intervalStyle() {
                return intervalStyle;
            }
        };
    }
}
