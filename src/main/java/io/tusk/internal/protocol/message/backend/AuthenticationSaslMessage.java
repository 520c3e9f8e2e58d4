package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.CStrings;
import java.util.ArrayList;
import java.util.List;

/**
 * AuthenticationSASL ('R', 10): SASL mechanisms the server offers, in its order of preference
 * (for example {@code SCRAM-SHA-256-PLUS}, {@code SCRAM-SHA-256}).
 */
public record AuthenticationSaslMessage(List<String> mechanisms) implements BackendMessage {

    public AuthenticationSaslMessage {
        mechanisms = List.copyOf(mechanisms);
    }

    /** Reads mechanism names up to the empty name that ends the list. */
    static AuthenticationSaslMessage decode(ByteBuf payload) throws ProtocolViolationException {
        List<String> mechanisms = new ArrayList<>(2);
        for (String name = CStrings.read(payload); !name.isEmpty(); name = CStrings.read(payload)) {
            mechanisms.add(name);
        }
        return new AuthenticationSaslMessage(mechanisms);
    }

    @Override
    public String toString() {
        return "<=BE AuthenticationSASL(" + mechanisms + ")";
    }
}
