package io.tusk.internal.protocol.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.tusk.internal.protocol.ProtocolViolationException;
import org.junit.jupiter.api.Test;

class CStringsTest {

    @Test
    void writesUtf8AndTerminator() {
        ByteBuf out = Unpooled.buffer();
        CStrings.write(out, "ä€");
        assertArrayEquals(new byte[] {(byte) 0xC3, (byte) 0xA4, (byte) 0xE2, (byte) 0x82, (byte) 0xAC, 0},
                ByteBufUtil.getBytes(out));
    }

    @Test
    void readsUpToTerminatorOnly() throws Exception {
        ByteBuf in = Unpooled.wrappedBuffer(ProtocolBytes.of("ä€", "", 'x'));
        assertEquals("ä€", CStrings.read(in));
        assertEquals("", CStrings.read(in));
        assertEquals(1, in.readableBytes());
    }

    @Test
    void missingTerminatorWithinReadableBytesIsViolation() {
        // The zero byte exists in the buffer but beyond the writer index: it must not be found.
        ByteBuf in = Unpooled.wrappedBuffer(new byte[] {'a', 'b', 0}).writerIndex(2);
        ProtocolViolationException e = assertThrows(ProtocolViolationException.class, () -> CStrings.read(in));
        assertEquals("08P01", e.getSQLState());
        assertEquals(0, in.readerIndex());
    }

    @Test
    void zeroInsideStringIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CStrings.requireNoZero("a\0b", "sql"));
        assertEquals("ab", CStrings.requireNoZero("ab", "sql"));
    }
}
