package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.message.CStrings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * StartupMessage: the first message on a connection; it has no type byte. Parameters keep the
 * caller's order so the bytes on the wire are predictable.
 */
public final class StartupMessage implements FrontendMessage {

    /** Protocol 3.0, understood by every supported server. */
    public static final int PROTOCOL_3_0 = 3 << 16;
    /** Protocol 3.2 (PostgreSQL 18): longer cancel keys. */
    public static final int PROTOCOL_3_2 = 3 << 16 | 2;

    private final int protocolVersion;
    private final Map<String, String> parameters;

    /** @param parameters for example {@code user}, {@code database}, {@code client_encoding} */
    public StartupMessage(int protocolVersion, Map<String, String> parameters) {
        Map<String, String> copy = new LinkedHashMap<>();
        parameters.forEach((name, value) -> copy.put(
                CStrings.requireNoZero(name, "startup parameter name"),
                CStrings.requireNoZero(value, "startup parameter " + name)));
        this.protocolVersion = protocolVersion;
        this.parameters = Collections.unmodifiableMap(copy);
    }

    public int protocolVersion() {
        return protocolVersion;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public void encode(ByteBuf out) {
        int lengthIndex = LengthPrefix.begin(out);
        out.writeInt(protocolVersion);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            CStrings.write(out, e.getKey());
            CStrings.write(out, e.getValue());
        }
        out.writeByte(0);
        LengthPrefix.end(out, lengthIndex);
    }

    @Override
    public String toString() {
        return "FE=> StartupMessage(version=" + (protocolVersion >>> 16) + "." + (protocolVersion & 0xFFFF)
                + ", " + parameters + ")";
    }
}
