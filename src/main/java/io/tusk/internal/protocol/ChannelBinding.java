package io.tusk.internal.protocol;

/** libpq's {@code channel_binding}: whether SCRAM-SHA-256-PLUS with tls-server-end-point is used. */
public enum ChannelBinding {
    /** Never bind to the TLS channel. */
    DISABLE,
    /** Bind when TLS is used and the server offers SCRAM-SHA-256-PLUS (the default). */
    PREFER,
    /** Refuse to authenticate unless the server proves itself with channel binding. */
    REQUIRE
}
