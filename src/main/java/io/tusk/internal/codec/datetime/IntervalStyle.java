package io.tusk.internal.codec.datetime;

import java.util.Locale;

/**
 * The server's {@code IntervalStyle} setting: how it prints an {@code interval} in text. The server
 * reports the setting in ParameterStatus whenever it changes, so a binary value can be printed the
 * way the same value would have come in text ({@link IntervalText}).
 */
public enum IntervalStyle {
    /** {@code 1 year 2 mons -3 days +04:05:06.7}, the server's default. */
    POSTGRES("postgres"),
    /** {@code @ 1 year 2 mons -3 days 4 hours 5 mins 6.7 secs ago}. */
    POSTGRES_VERBOSE("postgres_verbose"),
    /** {@code +1-2 -3 +4:05:06.7}; values of one sign and one kind without signs ({@code 1-2}, {@code 3 4:05:06}). */
    SQL_STANDARD("sql_standard"),
    /** {@code P1Y2M-3DT4H5M6.7S}. */
    ISO_8601("iso_8601");

    private final String settingName;

    IntervalStyle(String settingName) {
        this.settingName = settingName;
    }

    /** The value as {@code SET IntervalStyle} takes it. */
    public String settingName() {
        return settingName;
    }

    /**
     * The style a reported setting names. The server only ever reports the four names above; anything
     * else (a missing report from a server that does not send one) means the default.
     */
    public static IntervalStyle fromSetting(String value) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (IntervalStyle s : values()) {
                if (s.settingName.equals(v)) {
                    return s;
                }
            }
        }
        return POSTGRES;
    }
}
