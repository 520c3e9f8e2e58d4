package io.tusk.internal.protocol;

import io.tusk.internal.auth.Md5Password;
import io.tusk.internal.auth.ScramAuthenticator;
import io.tusk.internal.error.SqlStates;
import io.tusk.internal.protocol.message.backend.AuthenticationCleartextPasswordMessage;
import io.tusk.internal.protocol.message.backend.AuthenticationMd5PasswordMessage;
import io.tusk.internal.protocol.message.backend.AuthenticationOkMessage;
import io.tusk.internal.protocol.message.backend.AuthenticationSaslContinueMessage;
import io.tusk.internal.protocol.message.backend.AuthenticationSaslFinalMessage;
import io.tusk.internal.protocol.message.backend.AuthenticationSaslMessage;
import io.tusk.internal.protocol.message.backend.AuthenticationUnsupportedMessage;
import io.tusk.internal.protocol.message.backend.BackendKeyDataMessage;
import io.tusk.internal.protocol.message.backend.BackendMessage;
import io.tusk.internal.protocol.message.backend.NegotiateProtocolVersionMessage;
import io.tusk.internal.protocol.message.frontend.PasswordMessage;
import io.tusk.internal.protocol.message.frontend.SaslInitialResponseMessage;
import io.tusk.internal.protocol.message.frontend.SaslResponseMessage;
import io.tusk.internal.protocol.message.frontend.StartupMessage;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The startup conversation: StartupMessage, authentication (trust, cleartext, md5, SCRAM-SHA-256
 * and -PLUS), BackendKeyData, protocol negotiation, up to the first ReadyForQuery. Passwords are
 * never logged or kept in messages' {@code toString()}.
 */
public final class StartupHandshake extends Command<SessionState> {
    private final ConnectionSettings settings;
    private final X509Certificate serverCertificate;
    private SessionState session;
    private ScramAuthenticator scram;
    private boolean authenticated;

    /** @param serverCertificate the TLS peer certificate, {@code null} on a plain connection */
    public StartupHandshake(ConnectionSettings settings, X509Certificate serverCertificate) {
        this.settings = settings;
        this.serverCertificate = serverCertificate;
    }

    @Override
    protected void encode(MessageSink out) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user", settings.user());
        params.put("database", settings.database());
        params.put("client_encoding", "UTF8");
        params.put("DateStyle", "ISO");
        if (settings.applicationName() != null) {
            params.put("application_name", settings.applicationName());
        }
        if (settings.options() != null) {
            params.put("options", settings.options());
        }
        params.putAll(settings.startupParameters());
        out.write(new StartupMessage(settings.protocolVersion(), params));
    }

    @Override
    protected void handle(BackendMessage message, CommandContext context) throws SQLException {
        session = context.session();
        MessageSink out = context.out();
        if (message instanceof AuthenticationOkMessage) {
            onAuthenticated();
        } else if (message instanceof BackendKeyDataMessage k) {
            context.session().backendKey(k.processId(), k.secretKey());
        } else if (message instanceof NegotiateProtocolVersionMessage n) {
            context.session().protocolVersion((3 << 16) | n.minorVersion());
        } else if (message instanceof AuthenticationSaslMessage sasl) {
            scram = ScramAuthenticator.start(sasl.mechanisms(), requirePassword("SCRAM-SHA-256"),
                    serverCertificate, settings.channelBinding() != ChannelBinding.DISABLE, bindingRequired());
            send(out, new SaslInitialResponseMessage(scram.mechanism(), scram.clientFirstMessage()));
        } else if (message instanceof AuthenticationSaslContinueMessage c && scram != null) {
            send(out, new SaslResponseMessage(scram.clientFinalMessage(c.data())));
        } else if (message instanceof AuthenticationSaslFinalMessage f && scram != null) {
            scram.verifyServerFinal(f.data());
        } else if (message instanceof AuthenticationCleartextPasswordMessage) {
            refuseWithoutBinding("password");
            send(out, new PasswordMessage(requirePassword("password").getBytes(StandardCharsets.UTF_8)));
        } else if (message instanceof AuthenticationMd5PasswordMessage md5) {
            refuseWithoutBinding("md5");
            send(out, new PasswordMessage(Md5Password.encode(settings.user(), requirePassword("md5"), md5.salt())));
        } else if (message instanceof AuthenticationUnsupportedMessage u) {
            throw new SQLNonTransientConnectionException("the server asks for " + u.methodName()
                    + " authentication, which Tusk does not support (expected: trust, password, md5 or SCRAM-SHA-256)",
                    SqlStates.CONNECTION_REJECTED);
        } else {
            throw new ProtocolViolationException("unexpected " + message + " during startup");
        }
    }

    private void onAuthenticated() throws SQLException {
        if (authenticated) {
            throw new ProtocolViolationException("second AuthenticationOk during startup");
        }
        authenticated = true;
        if (bindingRequired() && (scram == null || !scram.usesChannelBinding())) {
            // libpq: with channel_binding=require the server must prove itself through the channel
            // binding; a server that lets us in without it (trust, or a stolen address) is refused.
            throw new SQLNonTransientConnectionException(
                    "channel binding is required, but the server authenticated the client without channel binding",
                    SqlStates.CONNECTION_REJECTED);
        }
    }

    private boolean bindingRequired() {
        return settings.channelBinding() == ChannelBinding.REQUIRE;
    }

    private void refuseWithoutBinding(String method) throws SQLException {
        if (bindingRequired()) {
            throw new SQLNonTransientConnectionException("channel binding is required, but the server asks for "
                    + method + " authentication, which has no channel binding", SqlStates.CONNECTION_REJECTED);
        }
    }

    private String requirePassword(String method) throws SQLException {
        if (settings.password() == null) {
            throw new SQLNonTransientConnectionException("the server asks for " + method
                    + " authentication of user \"" + settings.user() + "\", but no password was given",
                    SqlStates.CONNECTION_REJECTED);
        }
        return settings.password();
    }

    private static void send(MessageSink out, io.tusk.internal.protocol.message.frontend.FrontendMessage m) {
        out.write(m);
        out.flush();
    }

    @Override
    protected SessionState result() throws SQLException {
        if (!authenticated) {
            throw new ProtocolViolationException("ReadyForQuery before AuthenticationOk");
        }
        return session;
    }
}
