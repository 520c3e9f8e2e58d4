package io.tusk.internal.protocol.message.frontend;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.message.CStrings;

/**
 * Bind ('B'): binds parameter values to a prepared statement, creating a portal. Format arrays
 * follow the protocol: empty means all text, one entry applies to all, otherwise one per value.
 * A {@code null} value is SQL NULL. Arrays are not copied: the caller must not change them until
 * the message is encoded. Values never appear in {@link #toString()}.
 */
public final class BindMessage implements FrontendMessage {

    private static final short[] NO_FORMATS = new short[0];

    private final String portal;
    private final String statement;
    private final short[] parameterFormats;
    private final byte[][] parameterValues;
    private final short[] resultFormats;

    public BindMessage(String portal, String statement, short[] parameterFormats, byte[][] parameterValues,
            short[] resultFormats) {
        this.portal = CStrings.requireNoZero(portal, "portal name");
        this.statement = CStrings.requireNoZero(statement, "statement name");
        this.parameterFormats = parameterFormats == null ? NO_FORMATS : parameterFormats;
        this.parameterValues = parameterValues == null ? new byte[0][] : parameterValues;
        this.resultFormats = resultFormats == null ? NO_FORMATS : resultFormats;
        int values = this.parameterValues.length;
        if (values > 0xFFFF || this.resultFormats.length > 0xFFFF) {
            throw new IllegalArgumentException("parameters: " + values + ", result formats: "
                    + this.resultFormats.length + " (expected: <= 65535 each)");
        }
        int formats = this.parameterFormats.length;
        if (formats > 1 && formats != values) {
            throw new IllegalArgumentException(
                    "parameter formats: " + formats + " (expected: 0, 1 or " + values + ")");
        }
    }

    public String portal() {
        return portal;
    }

    public String statement() {
        return statement;
    }

    public int parameterCount() {
        return parameterValues.length;
    }

    @Override
    public void encode(ByteBuf out) {
        int lengthIndex = LengthPrefix.begin(out, 'B');
        CStrings.write(out, portal);
        CStrings.write(out, statement);
        writeShorts(out, parameterFormats);
        out.writeShort(parameterValues.length);
        for (byte[] value : parameterValues) {
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.writeBytes(value);
            }
        }
        writeShorts(out, resultFormats);
        LengthPrefix.end(out, lengthIndex);
    }

    private static void writeShorts(ByteBuf out, short[] values) {
        out.writeShort(values.length);
        for (short v : values) {
            out.writeShort(v);
        }
    }

    @Override
    public String toString() {
        return "FE=> Bind(portal=" + portal + ", statement=" + statement + ", params=" + parameterValues.length + ")";
    }
}
