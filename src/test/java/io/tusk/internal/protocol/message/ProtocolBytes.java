package io.tusk.internal.protocol.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds expected wire bytes from the primitives the protocol documentation uses, so tests read
 * like the documentation: {@code Character} = Byte1, {@code Short} = Int16, {@code Integer} =
 * Int32, {@code String} = String (UTF-8 + zero byte), {@code byte[]} = Byten. Lengths are written
 * by hand in the tests; nothing here computes one.
 */
public final class ProtocolBytes {

    private ProtocolBytes() {
    }

    public static byte[] of(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Character c) {
                out.write(c);
            } else if (part instanceof Byte b) {
                out.write(b);
            } else if (part instanceof Short s) {
                out.write(s >> 8);
                out.write(s);
            } else if (part instanceof Integer i) {
                out.write(i >> 24);
                out.write(i >> 16);
                out.write(i >> 8);
                out.write(i);
            } else if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
                out.write(0);
            } else if (part instanceof byte[] b) {
                out.writeBytes(b);
            } else {
                throw new IllegalArgumentException("unsupported part: " + part);
            }
        }
        return out.toByteArray();
    }

    /** A leak-tracked (pooled) buffer holding {@code parts}, so PARANOID runs catch missing releases. */
    public static ByteBuf buf(Object... parts) {
        byte[] bytes = of(parts);
        return ByteBufAllocator.DEFAULT.buffer(bytes.length).writeBytes(bytes);
    }

    public static short s(int value) {
        return (short) value;
    }
}
