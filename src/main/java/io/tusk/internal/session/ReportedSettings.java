package io.tusk.internal.session;

import io.tusk.internal.codec.SessionSettings;
import io.tusk.internal.codec.datetime.IntervalStyle;
import io.tusk.internal.protocol.SessionState;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A session's {@link SessionSettings} as the server last reported them in ParameterStatus
 * ({@code TimeZone} and {@code IntervalStyle} are both reported on every change, also by {@code SET}
 * inside a function). Each setting is parsed once per reported value: the getters run for every
 * value printed, so they compare the reported string with the last one seen and reuse its result.
 */
final class ReportedSettings implements SessionSettings {
    /** A reported value and what it was parsed into, swapped as one so readers never see a mix. */
    private record Parsed<T>(String reported, T value) {
    }

    private final SessionState state;
    private volatile Parsed<ZoneId> zone = new Parsed<>(null, ZoneOffset.UTC);
    private volatile Parsed<IntervalStyle> intervalStyle = new Parsed<>(null, IntervalStyle.POSTGRES);

    ReportedSettings(SessionState state) {
        this.state = state;
    }

    /**
     * A zone name Java does not know (a POSIX string such as {@code <+03>-03}) falls back to UTC,
     * the zone timestamptz values are decoded in anyway.
     */
    @Override
    public ZoneId timeZone() {
        String name = state.parameter("TimeZone");
        Parsed<ZoneId> last = zone;
        if (name == null || name.equals(last.reported())) {
            return last.value();
        }
        ZoneId id;
        try {
            id = ZoneId.of(name);
        } catch (DateTimeException e) {
            id = ZoneOffset.UTC;
        }
        zone = new Parsed<>(name, id);
        return id;
    }

    @Override
    public IntervalStyle intervalStyle() {
        String name = state.parameter("IntervalStyle");
        Parsed<IntervalStyle> last = intervalStyle;
        if (name == null || name.equals(last.reported())) {
            return last.value();
        }
        IntervalStyle style = IntervalStyle.fromSetting(name);
        intervalStyle = new Parsed<>(name, style);
        return style;
    }
}
