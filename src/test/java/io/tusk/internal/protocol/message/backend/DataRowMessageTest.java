package io.tusk.internal.protocol.message.backend;

import static io.tusk.internal.protocol.message.ProtocolBytes.buf;
import static io.tusk.internal.protocol.message.ProtocolBytes.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.tusk.internal.protocol.ProtocolViolationException;
import org.junit.jupiter.api.Test;

class DataRowMessageTest {

    @Test
    void columnsAreBoundedViewsOfThePayload() throws Exception {
        ByteBuf payload = buf(s(4), 4, new byte[] {0, 0, 0, 42}, -1, 0, 3, new byte[] {'a', 'b', 'c'});
        DataRowMessage row = (DataRowMessage) BackendMessages.parse((byte) 'D', payload);
        payload.release();
        try {
            assertEquals(4, row.columnCount());
            ByteBuf first = row.column(0);
            assertEquals(4, first.readableBytes());
            assertEquals(42, first.getInt(first.readerIndex()));
            assertTrue(first.isReadOnly());
            assertThrows(Exception.class, () -> first.setByte(0, 1));
            assertNull(row.column(1));
            assertTrue(row.isNull(1));
            assertNull(row.columnBytes(1));
            assertEquals(0, row.column(2).readableBytes());
            assertFalse(row.isNull(2));
            assertArrayEquals(new byte[0], row.columnBytes(2));
            assertArrayEquals(new byte[] {'a', 'b', 'c'}, row.columnBytes(3));
            assertEquals(3, row.column(3).capacity());
        } finally {
            assertTrue(row.release());
        }
        assertEquals(0, payload.refCnt());
    }

    @Test
    void emptyRow() throws Exception {
        ByteBuf payload = buf(s(0));
        DataRowMessage row = (DataRowMessage) BackendMessages.parse((byte) 'D', payload);
        assertEquals(0, row.columnCount());
        row.release();
        assertTrue(payload.release());
    }

    @Test
    void malformedRowsAreRejectedWithoutRetaining() {
        assertRejected(s(1), 5, new byte[] {1, 2, 3, 4});        // value runs past the end
        assertRejected(s(1), -2);                               // negative length other than -1
        assertRejected(s(2), 1, new byte[] {1});                // fewer columns than counted
        assertRejected(s(1), 1, new byte[] {1}, -1);            // more bytes than counted
        assertRejected(s(1), 1, new byte[] {1}, (byte) 0);      // trailing byte
        assertRejected(s(3), new byte[] {0, 0});                // partial length prefix
        assertRejected(s(0xFFFF), -1);                          // count far beyond the bytes
        assertRejected((byte) 0);                               // not even a count
    }

    private static void assertRejected(Object... parts) {
        ByteBuf payload = buf(parts);
        try {
            assertThrows(ProtocolViolationException.class, () -> BackendMessages.parse((byte) 'D', payload));
            assertEquals(1, payload.refCnt());
        } finally {
            payload.release();
        }
    }
}
