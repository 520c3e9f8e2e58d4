package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.message.CStrings;

/**
 * SASLInitialResponse ('p'): the chosen mechanism and the client-first message. {@code data} may
 * be {@code null} (sent as length -1) for mechanisms without an initial response; it is not
 * copied and never shown by {@link #toString()}.
 */
public final class SaslInitialResponseMessage implements FrontendMessage {

    private final String mechanism;
    private final byte[] data;

    public SaslInitialResponseMessage(String mechanism, byte[] data) {
        this.mechanism = CStrings.requireNoZero(mechanism, "SASL mechanism");
        this.data = data;
    }

    public String mechanism() {
        return mechanism;
    }

    @Override
    public void encode(ByteBuf out) {
        int lengthIndex = LengthPrefix.begin(out, 'p');
        CStrings.write(out, mechanism);
        if (data == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(data.length);
            out.writeBytes(data);
        }
        LengthPrefix.end(out, lengthIndex);
    }

    @Override
    public String toString() {
        return "FE=> SASLInitialResponse(mechanism=" + mechanism + ", dataLength="
                + (data == null ? -1 : data.length) + ")";
    }
}
