package io.tusk.internal.protocol.message.backend;

import io.tusk.internal.row.Column;
import static io.tusk.internal.protocol.message.ProtocolBytes.buf;
import static io.tusk.internal.protocol.message.ProtocolBytes.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.tusk.ServerError;
import io.tusk.internal.protocol.ProtocolViolationException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payloads are built from the protocol documentation's field lists (after type byte and length). */
class BackendMessagesTest {

    /** Parses a payload built from {@code parts}; the payload buffer is released before returning. */
    static BackendMessage parse(char type, Object... parts) throws ProtocolViolationException {
        ByteBuf payload = buf(parts);
        try {
            return BackendMessages.parse((byte) type, payload);
        } finally {
            payload.release();
        }
    }

    static ProtocolViolationException violation(char type, Object... parts) {
        ProtocolViolationException e = assertThrows(ProtocolViolationException.class, () -> parse(type, parts));
        assertEquals("08P01", e.getSQLState());
        return e;
    }

    @Test
    void authenticationRequests() throws Exception {
        assertSame(AuthenticationOkMessage.INSTANCE, parse('R', 0));
        assertSame(AuthenticationCleartextPasswordMessage.INSTANCE, parse('R', 3));
        var md5 = assertInstanceOf(AuthenticationMd5PasswordMessage.class, parse('R', 5, new byte[] {1, 2, 3, 4}));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, md5.salt());
        var sasl = assertInstanceOf(AuthenticationSaslMessage.class,
                parse('R', 10, "SCRAM-SHA-256-PLUS", "SCRAM-SHA-256", ""));
        assertEquals(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"), sasl.mechanisms());
        var cont = assertInstanceOf(AuthenticationSaslContinueMessage.class, parse('R', 11, new byte[] {'r', '='}));
        assertArrayEquals(new byte[] {'r', '='}, cont.data());
        var fin = assertInstanceOf(AuthenticationSaslFinalMessage.class, parse('R', 12, new byte[] {'v', '='}));
        assertArrayEquals(new byte[] {'v', '='}, fin.data());
    }

    @Test
    void unsupportedAuthenticationNamesTheMethod() throws Exception {
        assertEquals("KerberosV5", ((AuthenticationUnsupportedMessage) parse('R', 2)).methodName());
        assertEquals("SCM credentials", ((AuthenticationUnsupportedMessage) parse('R', 6)).methodName());
        assertEquals("GSSAPI", ((AuthenticationUnsupportedMessage) parse('R', 7)).methodName());
        assertEquals("GSS continue",
                ((AuthenticationUnsupportedMessage) parse('R', 8, new byte[] {1, 2})).methodName());
        assertEquals("SSPI", ((AuthenticationUnsupportedMessage) parse('R', 9)).methodName());
        assertEquals("unknown (code 42)", ((AuthenticationUnsupportedMessage) parse('R', 42)).methodName());
    }

    @Test
    void backendKeyDataTakesTheRestAsKey() throws Exception {
        var key30 = (BackendKeyDataMessage) parse('K', 4711, new byte[] {1, 2, 3, 4});
        assertEquals(4711, key30.processId());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, key30.secretKey());
        var key32 = (BackendKeyDataMessage) parse('K', 4711, new byte[32]);
        assertEquals(32, key32.secretKey().length);
        violation('K', 4711, new byte[3]);
        violation('K', 4711, new byte[257]);
    }

    @Test
    void startupAndStatusMessages() throws Exception {
        assertEquals(new ParameterStatusMessage("TimeZone", "Europe/Zürich"),
                parse('S', "TimeZone", "Europe/Zürich"));
        assertSame(ReadyForQueryMessage.IDLE, parse('Z', 'I'));
        assertSame(ReadyForQueryMessage.IN_TRANSACTION, parse('Z', 'T'));
        assertSame(ReadyForQueryMessage.FAILED_TRANSACTION, parse('Z', 'E'));
        assertEquals('T', ReadyForQueryMessage.IN_TRANSACTION.transactionStatus());
        violation('Z', 'X');
        var negotiate = (NegotiateProtocolVersionMessage) parse('v', 196608, 2, "_pq_.a", "_pq_.b");
        assertEquals(196608, negotiate.newestMinorVersion());
        assertEquals(0, negotiate.minorVersion());
        assertEquals(List.of("_pq_.a", "_pq_.b"), negotiate.unrecognizedOptions());
        violation('v', 196608, -1);
    }

    @Test
    void rowDescription() throws Exception {
        var rd = (RowDescriptionMessage) parse('T', s(2),
                "id", 16384, s(1), 23, s(4), -1, s(1),
                "name", 0, s(0), 25, s(-1), -1, s(0));
        assertEquals(2, rd.fieldCount());
        assertEquals(new Column("id", 16384, (short) 1, 23, (short) 4, -1, (short) 1), rd.field(0));
        assertEquals(new Column("name", 0, (short) 0, 25, (short) -1, -1, (short) 0), rd.fields()[1]);
        assertEquals(0, ((RowDescriptionMessage) parse('T', s(0))).fieldCount());
        violation('T', s(3), "id", 16384, s(1), 23, s(4), -1, s(1));
    }

    @Test
    void extendedQueryResponses() throws Exception {
        assertSame(ParseCompleteMessage.INSTANCE, parse('1'));
        assertSame(BindCompleteMessage.INSTANCE, parse('2'));
        assertSame(CloseCompleteMessage.INSTANCE, parse('3'));
        assertSame(NoDataMessage.INSTANCE, parse('n'));
        assertSame(PortalSuspendedMessage.INSTANCE, parse('s'));
        assertSame(EmptyQueryResponseMessage.INSTANCE, parse('I'));
        var parameters = (ParameterDescriptionMessage) parse('t', s(3), 23, 25, 0);
        assertArrayEquals(new int[] {23, 25, 0}, parameters.typeOids());
        assertEquals(new CommandCompleteMessage("INSERT 0 1"), parse('C', "INSERT 0 1"));
    }

    @Test
    void errorAndNoticeKeepEveryField() throws Exception {
        var error = (ErrorResponseMessage) parse('E', 'S', "ERROR", 'V', "ERROR", 'C', "23505",
                'M', "duplicate key", 'n', "t_pkey", 'Z', "future field", (byte) 0);
        ServerError e = error.error();
        assertEquals("23505", e.code());
        assertEquals("t_pkey", e.constraint());
        assertEquals("future field", e.fields().get('Z'));
        assertEquals(6, e.fields().size());
        var notice = (NoticeResponseMessage) parse('N', 'S', "NOTICE", 'M', "hi", (byte) 0);
        assertEquals(new ServerError(Map.of('S', "NOTICE", 'M', "hi")), notice.notice());
        assertEquals(Map.of(), ((ErrorResponseMessage) parse('E', (byte) 0)).error().fields());
        violation('E', 'S', "ERROR");
        violation('E', 'S', new byte[] {'E', 'R'});
    }

    @Test
    void notification() throws Exception {
        assertEquals(new NotificationResponseMessage(99, "jobs", "{\"id\":1}"), parse('A', 99, "jobs", "{\"id\":1}"));
        violation('A', 99, "jobs");
    }

    @Test
    void copyResponses() throws Exception {
        var in = (CopyInResponseMessage) parse('G', (byte) 1, s(2), s(1), s(1));
        assertEquals(1, in.overallFormat());
        assertArrayEquals(new short[] {1, 1}, in.columnFormats());
        var out = (CopyOutResponseMessage) parse('H', (byte) 0, s(1), s(0));
        assertArrayEquals(new short[] {0}, out.columnFormats());
        var both = (CopyBothResponseMessage) parse('W', (byte) 0, s(0));
        assertEquals(0, both.columnFormats().length);
        violation('G', (byte) 1, s(2), s(1));
        assertSame(CopyDoneMessage.INSTANCE, parse('c'));
    }

    @Test
    void copyDataRetainsASliceUntilReleased() throws Exception {
        ByteBuf payload = buf(new byte[] {5, 6, 7});
        var data = (CopyDataMessage) BackendMessages.parse((byte) 'd', payload);
        assertEquals(2, payload.refCnt());
        payload.release();
        assertArrayEquals(new byte[] {5, 6, 7}, ByteBufUtil.getBytes(data.content()));
        assertTrue(data.release());
        assertEquals(0, payload.refCnt());
    }

    @Test
    void unknownTypeIsNamedInHex() {
        assertEquals("unknown backend message type: 'x' (0x78)", violation('x').getMessage());
        assertEquals("unknown backend message type: (0x00)", violation('\0').getMessage());
    }

    @Test
    void truncatedAndTrailingBytesAreViolations() {
        assertInstanceOf(IndexOutOfBoundsException.class, violation('R').getCause());
        violation('R', 5, new byte[] {1, 2});
        violation('K', 1);
        violation('Z');
        violation('t', s(2), 23);
        violation('S', "name");
        violation('C', new byte[] {'S', 'E', 'L'});
        violation('1', (byte) 0);
        violation('R', 0, (byte) 0);
        violation('Z', 'I', 'I');
        violation('C', "SELECT 1", (byte) 0);
        violation('R', 10, "SCRAM-SHA-256");
    }
}
