package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.CStrings;

/**
 * ParameterStatus ('S'): the current value of a reported setting ({@code server_version},
 * {@code client_encoding}, {@code TimeZone} …), at startup and whenever it changes.
 */
public record ParameterStatusMessage(String name, String value) implements BackendMessage {

    static ParameterStatusMessage decode(ByteBuf payload) throws ProtocolViolationException {
        String name = CStrings.read(payload);
        return new ParameterStatusMessage(name, CStrings.read(payload));
    }

    @Override
    public String toString() {
        return "<=BE ParameterStatus(" + name + "=" + value + ")";
    }
}
