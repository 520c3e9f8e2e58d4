package io.tusk.internal.protocol.message.backend;

import io.netty.buffer.ByteBuf;
import io.tusk.ServerError;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.CStrings;
import java.util.HashMap;
import java.util.Map;

/** ErrorResponse ('E'): the current request failed; every field is kept (see {@link ServerError}). */
public record ErrorResponseMessage(ServerError error) implements BackendMessage {

    static ErrorResponseMessage decode(ByteBuf payload) throws ProtocolViolationException {
        return new ErrorResponseMessage(readFields(payload));
    }

    /**
     * Reads (code byte, String) pairs up to the zero code that ends them; the format ErrorResponse
     * and NoticeResponse share. Unknown codes are kept: the protocol says to ignore, not reject, them.
     */
    static ServerError readFields(ByteBuf payload) throws ProtocolViolationException {
        Map<Character, String> fields = new HashMap<>();
        for (byte code = payload.readByte(); code != 0; code = payload.readByte()) {
            fields.put((char) (code & 0xFF), CStrings.read(payload));
        }
        return new ServerError(fields);
    }

    @Override
    public String toString() {
        return "<=BE ErrorResponse(" + error.severity() + " " + error.code() + " " + error.message() + ")";
    }
}
