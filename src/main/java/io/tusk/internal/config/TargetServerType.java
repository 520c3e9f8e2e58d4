package io.tusk.internal.config;

import java.util.Locale;

/**
 * pgjdbc's {@code targetServerType} and libpq's {@code target_session_attrs}, merged: each
 * spelling of either maps to one of these.
 */
public enum TargetServerType {
    /** Any server that accepts the connection. */
    ANY,
    /** A server not in recovery (pgjdbc {@code primary}/{@code master}, libpq {@code primary}). */
    PRIMARY,
    /** A hot standby (pgjdbc {@code secondary}/{@code slave}, libpq {@code standby}). */
    SECONDARY,
    /** A standby if one is up, otherwise any (pgjdbc {@code preferSecondary}, libpq {@code prefer-standby}). */
    PREFER_SECONDARY,
    /** A primary if one is up, otherwise any (pgjdbc {@code preferPrimary}). */
    PREFER_PRIMARY,
    /** A session that accepts writes by default (libpq {@code read-write}). */
    READ_WRITE,
    /** A session that is read-only by default (libpq {@code read-only}). */
    READ_ONLY;

    /** Maps a pgjdbc or libpq spelling; {@code null} when unknown. */
    static TargetServerType parse(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "any": return ANY;
            case "primary": case "master": return PRIMARY;
            case "secondary": case "slave": case "standby": return SECONDARY;
            case "prefersecondary": case "preferslave": case "prefer-standby": return PREFER_SECONDARY;
            case "preferprimary": return PREFER_PRIMARY;
            case "read-write": return READ_WRITE;
            case "read-only": return READ_ONLY;
            default: return null;
        }
    }
}
