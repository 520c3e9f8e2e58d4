package io.tusk.internal.net;

import static io.tusk.internal.protocol.message.ProtocolBytes.of;
import static io.tusk.internal.protocol.message.ProtocolBytes.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import io.tusk.internal.protocol.ProtocolViolationException;
import io.tusk.internal.protocol.message.backend.BindCompleteMessage;
import io.tusk.internal.protocol.message.backend.CommandCompleteMessage;
import io.tusk.internal.protocol.message.backend.DataRowMessage;
import io.tusk.internal.protocol.message.backend.ParameterStatusMessage;
import io.tusk.internal.protocol.message.backend.ParseCompleteMessage;
import io.tusk.internal.protocol.message.backend.ReadyForQueryMessage;
import io.tusk.internal.row.RowData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static final int MAX = 1 << 20;

    /** ParseComplete, BindComplete, a DataRow (int4 42, NULL, 'hi'), CommandComplete, ReadyForQuery. */
    private static final byte[] STREAM = of(
            '1', 4,
            '2', 4,
            'D', 24, s(3), 4, new byte[] {0, 0, 0, 42}, -1, 2, new byte[] {'h', 'i'},
            'C', 13, "SELECT 1",
            'Z', 5, 'I');

    private EmbeddedChannel channel;

    @BeforeEach
    void open() {
        channel = new EmbeddedChannel(new FrameDecoder(MAX));
    }

    @AfterEach
    void close() {
        assertFalse(channel.finish());
    }

    private static ByteBuf buf(byte[] bytes, int from, int to) {
        return ByteBufAllocator.DEFAULT.buffer(to - from).writeBytes(bytes, from, to - from);
    }

    private void assertStream() {
        assertSame(ParseCompleteMessage.INSTANCE, channel.readInbound());
        assertSame(BindCompleteMessage.INSTANCE, channel.readInbound());
        RowData row = assertInstanceOf(DataRowMessage.class, channel.readInbound()).row();
        assertEquals(3, row.columnCount());
        assertArrayEquals(new byte[] {0, 0, 0, 42}, row.bytes(0));
        assertNull(row.bytes(1));
        assertArrayEquals(new byte[] {'h', 'i'}, row.bytes(2));
        assertEquals(new CommandCompleteMessage("SELECT 1"), channel.readInbound());
        assertSame(ReadyForQueryMessage.IDLE, channel.readInbound());
        assertNull(channel.readInbound());
    }

    @Test
    void severalFramesInOneBuffer() {
        channel.writeInbound(buf(STREAM, 0, STREAM.length));
        assertStream();
    }

    @Test
    void oneByteAtATime() {
        for (int i = 0; i < STREAM.length; i++) {
            channel.writeInbound(buf(STREAM, i, i + 1));
        }
        assertStream();
    }

    @Test
    void splitAtEveryBoundary() {
        for (int split = 1; split < STREAM.length; split++) {
            channel.writeInbound(buf(STREAM, 0, split));
            channel.writeInbound(buf(STREAM, split, STREAM.length));
            assertStream();
        }
    }

    @Test
    void rowStaysValidWhileLaterBytesArrive() {
        // The row's slice pins the cumulation; input that arrives later (appended, or copied into
        // a larger cumulation) must not move or overwrite the row's bytes.
        byte[] value = {1, 2, 3, 4, 5, 6, 7, 8};
        char[] big = new char[64 * 1024];
        Arrays.fill(big, 'v');
        byte[] status = of('S', 4 + 2 + big.length + 1, "x", new String(big));
        byte[] first = of('D', 18, s(1), 8, value, Arrays.copyOf(status, 3));
        channel.writeInbound(buf(first, 0, first.length));
        DataRowMessage row = (DataRowMessage) channel.readInbound();
        for (int i = 3; i < status.length; i += 1000) {
            channel.writeInbound(buf(status, i, Math.min(i + 1000, status.length)));
        }
        channel.pipeline().fireChannelReadComplete();
        assertArrayEquals(value, row.row().bytes(0));
        assertEquals(big.length, ((ParameterStatusMessage) channel.readInbound()).value().length());
        assertNull(channel.readInbound());
    }

    @Test
    void hugeLengthRejectedAfterFiveBytes() {
        ProtocolViolationException e = violation(buf(of('D', 0x7FFFFFFF), 0, 5));
        assertEquals("message length: 2147483647 (expected: <= 1048580)", e.getMessage());
    }

    @Test
    void largestAllowedLengthIsAwaited() {
        channel.writeInbound(buf(of('D', MAX + 4), 0, 5));
        assertNull(channel.readInbound());
    }

    @Test
    void negativeLengthRejected() {
        assertEquals("message length: -1 (expected: >= 4)", violation(buf(of('D', -1), 0, 5)).getMessage());
    }

    @Test
    void lengthBelowFourRejected() {
        assertEquals("message length: 3 (expected: >= 4)", violation(buf(of('Z', 3), 0, 5)).getMessage());
    }

    @Test
    void unknownTypeRejected() {
        assertEquals("unknown backend message type: 'x' (0x78)", violation(buf(of('x', 4), 0, 5)).getMessage());
    }

    @Test
    void inputAfterViolationIsDiscarded() {
        violation(buf(of('Z', 2, 'Z', 5, 'I'), 0, 10));
        channel.writeInbound(buf(STREAM, 0, STREAM.length));
        assertNull(channel.readInbound());
    }

    @Test
    void malformedBodyRejected() {
        violation(buf(of('Z', 6, 'I', 'I'), 0, 7));
    }

    private ProtocolViolationException violation(ByteBuf input) {
        DecoderException e = assertThrows(DecoderException.class, () -> channel.writeInbound(input));
        assertNull(channel.readInbound());
        return assertInstanceOf(ProtocolViolationException.class, e.getCause());
    }
}
