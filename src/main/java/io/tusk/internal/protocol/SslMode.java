package io.tusk.internal.protocol;

import java.util.Locale;

/** libpq's {@code sslmode}, with libpq's meaning for each value. */
public enum SslMode {
    /** Plain connection only. */
    DISABLE,
    /** Plain first; TLS only if the server refuses the plain connection. */
    ALLOW,
    /** TLS if the server offers it, plain otherwise (the default). */
    PREFER,
    /** TLS without checking the certificate, unless a root certificate is configured, then as VERIFY_CA. */
    REQUIRE,
    /** TLS and a certificate chain that leads to the configured root certificate. */
    VERIFY_CA,
    /** As VERIFY_CA, and the certificate names the host connected to. */
    VERIFY_FULL;

    /** Parses libpq's spelling ({@code verify-full}); {@code null} for an unknown value. */
    public static SslMode parse(String value) {
        for (SslMode m : values()) {
            if (m.libpqName().equals(value.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        return null;
    }

    public String libpqName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }
}
