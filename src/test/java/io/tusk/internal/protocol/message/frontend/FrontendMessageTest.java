package io.tusk.internal.protocol.message.frontend;

import static io.tusk.internal.protocol.message.ProtocolBytes.of;
import static io.tusk.internal.protocol.message.ProtocolBytes.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every expected byte string is written from the protocol documentation, lengths counted by hand. */
class FrontendMessageTest {

    private static byte[] encode(FrontendMessage message) {
        ByteBuf out = Unpooled.buffer();
        message.encode(out);
        return ByteBufUtil.getBytes(out);
    }

    @Test
    void startup() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user", "alice");
        params.put("database", "db");
        assertArrayEquals(of(32, 196608, "user", "alice", "database", "db", (byte) 0),
                encode(new StartupMessage(StartupMessage.PROTOCOL_3_0, params)));
        assertEquals(196610, StartupMessage.PROTOCOL_3_2);
    }

    @Test
    void sslRequest() {
        assertArrayEquals(new byte[] {0, 0, 0, 8, 0x04, (byte) 0xD2, 0x16, 0x2F}, encode(SslRequestMessage.INSTANCE));
    }

    @Test
    void cancelRequestWithShortAndLongKeys() {
        byte[] key4 = {1, 2, 3, 4};
        assertArrayEquals(of(16, 80877102, 1234, key4), encode(new CancelRequestMessage(1234, key4)));
        byte[] key32 = new byte[32];
        assertArrayEquals(of(44, 80877102, 7, key32), encode(new CancelRequestMessage(7, key32)));
        assertThrows(IllegalArgumentException.class, () -> new CancelRequestMessage(1, new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> new CancelRequestMessage(1, new byte[257]));
    }

    @Test
    void query() {
        assertArrayEquals(of('Q', 13, "SELECT 1"), encode(new QueryMessage("SELECT 1")));
        assertArrayEquals(new byte[] {'Q', 0, 0, 0, 5, 0}, encode(new QueryMessage("")));
        assertThrows(IllegalArgumentException.class, () -> new QueryMessage("SELECT 1\0; DROP TABLE t"));
    }

    @Test
    void parse() {
        assertArrayEquals(of('P', 23, "s1", "SELECT $1", s(1), 23),
                encode(new ParseMessage("s1", "SELECT $1", new int[] {23})));
        assertArrayEquals(of('P', 16, "", "SELECT 1", s(0)), encode(new ParseMessage("", "SELECT 1", null)));
    }

    @Test
    void bindWithBinaryValueAndNull() {
        BindMessage bind = new BindMessage("", "s1", new short[] {1}, new byte[][] {{0, 0, 0, 42}, null},
                new short[] {1});
        assertArrayEquals(of('B', 30, "", "s1", s(1), s(1), s(2), 4, new byte[] {0, 0, 0, 42}, -1, s(1), s(1)),
                encode(bind));
        assertEquals("FE=> Bind(portal=, statement=s1, params=2)", bind.toString());
    }

    @Test
    void bindWithTextDefaultsAndMixedFormats() {
        byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(of('B', 20, "p", "", s(0), s(1), 3, abc, s(0)),
                encode(new BindMessage("p", "", null, new byte[][] {abc}, null)));
        assertArrayEquals(of('B', 31, "", "", s(2), s(0), s(1), s(2), 3, abc, 0, s(2), s(0), s(1)),
                encode(new BindMessage("", "", new short[] {0, 1}, new byte[][] {abc, {}}, new short[] {0, 1})));
        assertThrows(IllegalArgumentException.class,
                () -> new BindMessage("", "", new short[] {0, 1}, new byte[][] {abc}, null));
    }

    @Test
    void bindToStringHidesValues() {
        String text = new BindMessage("", "s", null, new byte[][] {"hunter2".getBytes(StandardCharsets.UTF_8)}, null)
                .toString();
        assertFalse(text.contains("hunter2"), text);
    }

    @Test
    void describeExecuteClose() {
        assertArrayEquals(of('D', 8, 'S', "s1"), encode(DescribeMessage.statement("s1")));
        assertArrayEquals(of('D', 6, 'P', ""), encode(DescribeMessage.portal("")));
        assertArrayEquals(of('E', 9, "", 0), encode(new ExecuteMessage("", 0)));
        assertArrayEquals(of('E', 10, "p", 100), encode(new ExecuteMessage("p", 100)));
        assertArrayEquals(of('C', 7, 'P', "p"), encode(CloseMessage.portal("p")));
        assertArrayEquals(of('C', 8, 'S', "s1"), encode(CloseMessage.statement("s1")));
        assertThrows(IllegalArgumentException.class, () -> new DescribeMessage('X', ""));
    }

    @Test
    void emptyBodiedMessages() {
        assertArrayEquals(new byte[] {'S', 0, 0, 0, 4}, encode(SyncMessage.INSTANCE));
        assertArrayEquals(new byte[] {'H', 0, 0, 0, 4}, encode(FlushMessage.INSTANCE));
        assertArrayEquals(new byte[] {'X', 0, 0, 0, 4}, encode(TerminateMessage.INSTANCE));
        assertArrayEquals(new byte[] {'c', 0, 0, 0, 4}, encode(CopyDoneMessage.INSTANCE));
    }

    @Test
    void authenticationResponses() {
        byte[] secret = "secret".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(of('p', 11, "secret"), encode(new PasswordMessage(secret)));
        assertArrayEquals(of('p', 22, "SCRAM-SHA-256", -1),
                encode(new SaslInitialResponseMessage("SCRAM-SHA-256", null)));
        byte[] first = "n,,n=,r=abc".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(of('p', 33, "SCRAM-SHA-256", 11, first),
                encode(new SaslInitialResponseMessage("SCRAM-SHA-256", first)));
        assertArrayEquals(of('p', 7, new byte[] {1, 2, 3}), encode(new SaslResponseMessage(new byte[] {1, 2, 3})));
        assertFalse(new PasswordMessage("secret".getBytes(StandardCharsets.UTF_8)).toString().contains("secret"));
    }

    @Test
    void copyDataLeavesItsBufferToTheCaller() {
        ByteBuf data = Unpooled.buffer().writeBytes(new byte[] {9, 8, 7});
        assertArrayEquals(of('d', 7, new byte[] {9, 8, 7}), encode(new CopyDataMessage(data)));
        assertEquals(0, data.readerIndex());
        assertEquals(1, data.refCnt());
        data.release();
    }

    @Test
    void copyFail() {
        assertArrayEquals(of('f', 9, "boom"), encode(new CopyFailMessage("boom")));
    }

    @Test
    void lengthIsBackpatchedAtAnyWriterIndex() {
        ByteBuf out = Unpooled.buffer();
        out.writeByte(0x7F);
        new QueryMessage("x").encode(out);
        SyncMessage.INSTANCE.encode(out);
        assertArrayEquals(of((byte) 0x7F, 'Q', 6, "x", 'S', 4), ByteBufUtil.getBytes(out));
    }
}
