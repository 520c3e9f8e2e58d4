package io.tusk.internal.protocol.message;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.ProtocolViolationException;
import java.nio.charset.StandardCharsets;

/**
 * The protocol's "String" type: UTF-8 bytes ended by one zero byte. Strings are encoded straight
 * into the buffer (no temporary arrays) and decoded from the readable bytes only, so a missing
 * terminator is reported instead of read past.
 */
public final class CStrings {

    private CStrings() {
    }

    /** Writes {@code s} as UTF-8 followed by a zero byte. */
    public static void write(ByteBuf out, CharSequence s) {
        out.writeCharSequence(s, StandardCharsets.UTF_8);
        out.writeByte(0);
    }

    /**
     * Returns {@code s} if it can be sent as a String. A zero byte inside would end the string
     * early and make the server read the rest as the following fields, so it is refused before
     * anything is written.
     *
     * @throws IllegalArgumentException if {@code s} contains U+0000
     */
    public static String requireNoZero(String s, String what) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " contains a zero byte (expected: none)");
        }
        return s;
    }

    /**
     * Reads one String from the readable bytes of {@code in} and moves past its terminator.
     *
     * @throws ProtocolViolationException if no zero byte is left in the readable bytes
     */
    public static String read(ByteBuf in) throws ProtocolViolationException {
        int length = in.bytesBefore((byte) 0);
        if (length < 0) {
            throw new ProtocolViolationException(
                    "string of " + in.readableBytes() + " bytes not terminated (expected: a zero byte)");
        }
        String s = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length + 1);
        return s;
    }
}
