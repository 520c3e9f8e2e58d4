package io.tusk.internal.auth;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.exception.ScramException;
import com.ongres.scram.common.util.TlsServerEndpoint;
import io.tusk.internal.error.SqlStates;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

/**
 * One SCRAM-SHA-256(-PLUS) exchange (RFC 5802, 7677) through ongres scram-client. Channel binding
 * uses tls-server-end-point (RFC 5929), the only type PostgreSQL supports, with libpq's rules:
 * {@code prefer} binds when TLS is up and the server offers -PLUS, {@code require} refuses otherwise.
 */
public final class ScramAuthenticator {
    private static final String PLUS = "SCRAM-SHA-256-PLUS";
    private static final String PLAIN = "SCRAM-SHA-256";

    private final ScramClient client;

    private ScramAuthenticator(ScramClient client) {
        this.client = client;
    }

    /**
     * Chooses the mechanism among those the server offered.
     *
     * @param serverCertificate the server's TLS certificate, or {@code null} on a plain connection
     * @param mayBind           channel binding is allowed (not {@code disable})
     * @param mustBind          channel binding is required
     */
    public static ScramAuthenticator start(List<String> offered, String password,
            X509Certificate serverCertificate, boolean mayBind, boolean mustBind) throws SQLException {
        boolean bind = mayBind && serverCertificate != null && offered.contains(PLUS);
        if (mustBind && !bind) {
            throw new SQLNonTransientConnectionException(serverCertificate == null
                    ? "channel binding is required, but the connection does not use TLS"
                    : "channel binding is required, but the server does not offer " + PLUS,
                    SqlStates.CONNECTION_REJECTED);
        }
        List<String> mechanisms = new ArrayList<>();
        if (bind) {
            mechanisms.add(PLUS);
        } else if (offered.contains(PLAIN)) {
            mechanisms.add(PLAIN);
        } else {
            throw new SQLNonTransientConnectionException("none of the server's SASL mechanisms " + offered
                    + " is supported (expected: " + PLAIN + " or " + PLUS + ")", SqlStates.CONNECTION_REJECTED);
        }
        try {
            ScramClient.FinalBuildStage builder = ScramClient.builder()
                    .advertisedMechanisms(mechanisms)
                    .username("*") // PostgreSQL ignores the SCRAM user name and uses the startup user
                    .password(password.toCharArray());
            if (bind) {
                builder.channelBinding(TlsServerEndpoint.TLS_SERVER_END_POINT,
                        TlsServerEndpoint.getChannelBindingData(serverCertificate));
            }
            return new ScramAuthenticator(builder.build());
        } catch (CertificateEncodingException | IllegalArgumentException e) {
            throw new SQLNonTransientConnectionException("cannot start SCRAM authentication: " + e.getMessage(),
                    SqlStates.CONNECTION_REJECTED, e);
        }
    }

    public String mechanism() {
        return client.getScramMechanism().getName();
    }

    /** Whether this exchange binds to the TLS channel (SCRAM-SHA-256-PLUS). */
    public boolean usesChannelBinding() {
        return client.getScramMechanism().isPlus();
    }

    public byte[] clientFirstMessage() {
        return client.clientFirstMessage().toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] clientFinalMessage(byte[] serverFirst) throws SQLException {
        try {
            client.serverFirstMessage(new String(serverFirst, StandardCharsets.UTF_8));
            return client.clientFinalMessage().toString().getBytes(StandardCharsets.UTF_8);
        } catch (ScramException | IllegalArgumentException e) {
            throw failed(e);
        }
    }

    /** Checks the server's signature: without it the server has not proven it knows the password. */
    public void verifyServerFinal(byte[] serverFinal) throws SQLException {
        try {
            client.serverFinalMessage(new String(serverFinal, StandardCharsets.UTF_8));
        } catch (ScramException | IllegalArgumentException e) {
            throw failed(e);
        }
    }

    private static SQLException failed(Exception e) {
        return new SQLInvalidAuthorizationSpecException("SCRAM authentication failed: " + e.getMessage(),
                SqlStates.INVALID_AUTHORIZATION_SPECIFICATION, e);
    }
}
