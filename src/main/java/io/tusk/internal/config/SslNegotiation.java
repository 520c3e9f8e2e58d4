package io.tusk.internal.config;

/** libpq's {@code sslnegotiation} (pgjdbc {@code sslNegotiation}). */
public enum SslNegotiation {
    /** Send SSLRequest and start TLS when the server agrees (every server version). */
    POSTGRES,
    /** Start TLS with the first byte, ALPN "postgresql" (servers 17+); saves a round trip. */
    DIRECT
}
