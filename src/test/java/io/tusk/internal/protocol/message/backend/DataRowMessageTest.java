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
import io.tusk.internal.row.RowData;
import org.junit.jupiter.api.Test;

class DataRowMessageTest {

    @Test
    void theRowIsACopyOfThePayloadWithEachColumnsBounds() throws Exception {
        ByteBuf payload = buf(s(4), 4, new byte[] {0, 0, 0, 42}, -1, 0, 3, new byte[] {'a', 'b', 'c'});
        DataRowMessage message = (DataRowMessage) BackendMessages.parse((byte) 'D', payload);
        assertEquals(payload.writerIndex(), payload.readerIndex()); // consumed
        payload.setByte(payload.writerIndex() - 1, 'z'); // later changes to the frame do not reach the row
        assertTrue(payload.release());
        RowData row = message.row();
        assertEquals(4, row.columnCount());
        assertArrayEquals(new byte[] {0, 0, 0, 42}, row.bytes(0));
        assertTrue(row.isNull(1));
        assertNull(row.bytes(1));
        assertFalse(row.isNull(2));
        assertArrayEquals(new byte[0], row.bytes(2));
        assertArrayEquals(new byte[] {'a', 'b', 'c'}, row.bytes(3));
        assertEquals(3, row.length(3));
    }

    @Test
    void emptyRow() throws Exception {
        ByteBuf payload = buf(s(0));
        DataRowMessage row = (DataRowMessage) BackendMessages.parse((byte) 'D', payload);
        assertEquals(0, row.columnCount());
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
