package io.tusk.internal.protocol;

import io.tusk.internal.row.Column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tusk.ServerError;
import io.tusk.internal.protocol.command.QueryResult;
import io.tusk.internal.protocol.command.SimpleQueryCommand;
import io.tusk.internal.protocol.message.backend.AuthenticationOkMessage;
import io.tusk.internal.protocol.message.backend.AuthenticationUnsupportedMessage;
import io.tusk.internal.protocol.message.backend.BackendKeyDataMessage;
import io.tusk.internal.protocol.message.backend.BackendMessage;
import io.tusk.internal.protocol.message.backend.BackendMessages;
import io.tusk.internal.protocol.message.backend.CommandCompleteMessage;
import io.tusk.internal.protocol.message.backend.ErrorResponseMessage;
import io.tusk.internal.protocol.message.backend.ParameterStatusMessage;
import io.tusk.internal.protocol.message.backend.ReadyForQueryMessage;
import io.tusk.internal.protocol.message.backend.RowDescriptionMessage;
import io.tusk.internal.protocol.message.frontend.FrontendMessage;
import io.tusk.internal.protocol.message.frontend.QueryMessage;
import io.tusk.internal.protocol.message.frontend.StartupMessage;
import io.tusk.internal.protocol.message.frontend.TerminateMessage;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The protocol core driven by scripted backend messages, without a server or a socket. */
class ProtocolConnectionTest {

    /** Records what the core writes. */
    private static final class RecordingSink implements MessageSink {
        final List<FrontendMessage> written = new ArrayList<>();
        int flushes;
        boolean closed;

        @Override
        public void write(FrontendMessage message) {
            written.add(message);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closed = true;
        }

        private int mark;

        @Override
        public void mark() {
            mark = written.size();
        }

        @Override
        public void resetToMark() {
            written.subList(mark, written.size()).clear();
        }
    }

    /** Remembers how a command ended. */
    private static final class Outcome<T> implements CommandCallback<T> {
        T result;
        SQLException error;
        int calls;

        @Override
        public void onSuccess(T value) {
            result = value;
            calls++;
        }

        @Override
        public void onFailure(SQLException e) {
            error = e;
            calls++;
        }
    }

    private final RecordingSink sink = new RecordingSink();
    private final List<ServerError> notices = new ArrayList<>();
    private final ProtocolConnection core = new ProtocolConnection(sink, ConnectionSettings.PROTOCOL_3_0,
            new SessionListener() {
                @Override
                public void onNotice(ServerError notice) {
                    notices.add(notice);
                }
            });

    private static ConnectionSettings settings() {
        return ConnectionSettings.builder().user("u").password("p").build();
    }

    private Outcome<SessionState> start() {
        StartupHandshake startup = new StartupHandshake(settings(), null);
        Outcome<SessionState> outcome = new Outcome<>();
        startup.callback(outcome);
        core.start(startup);
        return outcome;
    }

    private void startAndAuthenticate() throws ProtocolViolationException {
        Outcome<SessionState> s = start();
        core.onMessage(AuthenticationOkMessage.INSTANCE);
        core.onMessage(new BackendKeyDataMessage(42, new byte[] {1, 2, 3, 4}));
        core.onMessage(new ParameterStatusMessage("server_version", "18.1"));
        core.onMessage(ReadyForQueryMessage.IDLE);
        assertEquals(1, s.calls);
        assertNull(s.error);
    }

    private <T> Outcome<T> enqueue(Command<T> c) {
        Outcome<T> outcome = new Outcome<>();
        c.callback(outcome);
        core.enqueue(c);
        core.flush();
        return outcome;
    }

    private static ErrorResponseMessage error(String severity, String code, String message) {
        return new ErrorResponseMessage(new ServerError(Map.of('S', severity, 'V', severity, 'C', code, 'M', message)));
    }

    private static BackendMessage dataRow(String value) throws ProtocolViolationException {
        ByteBuf payload = Unpooled.buffer();
        payload.writeShort(1);
        byte[] bytes = value.getBytes();
        payload.writeInt(bytes.length).writeBytes(bytes);
        try {
            return BackendMessages.parse((byte) 'D', payload);
        } finally {
            payload.release();
        }
    }

    @Test
    void startupSendsTheStartupMessageAndKeepsTheSession() throws ProtocolViolationException {
        startAndAuthenticate();
        assertInstanceOf(StartupMessage.class, sink.written.get(0));
        assertEquals(42, core.session().processId());
        assertEquals("18.1", core.session().parameter("server_version"));
    }

    @Test
    void commandsEnqueuedDuringStartupWaitUntilItEnds() throws ProtocolViolationException {
        start();
        Outcome<List<QueryResult>> q = enqueue(new SimpleQueryCommand("SELECT 1"));
        assertEquals(1, sink.written.size(), "only the startup message, the query waits");
        core.onMessage(AuthenticationOkMessage.INSTANCE);
        core.onMessage(ReadyForQueryMessage.IDLE);
        assertInstanceOf(QueryMessage.class, sink.written.get(1));
        core.onMessage(new CommandCompleteMessage("SELECT 0"));
        core.onMessage(ReadyForQueryMessage.IDLE);
        assertEquals(1, q.result.size());
    }

    @Test
    void unsupportedAuthenticationNamesTheMethodAndClosesTheConnection() throws ProtocolViolationException {
        Outcome<SessionState> s = start();
        core.onMessage(new AuthenticationUnsupportedMessage(7));
        assertEquals("08004", s.error.getSQLState());
        assertTrue(s.error.getMessage().contains("GSSAPI"), s.error.getMessage());
        assertTrue(sink.closed, "the server waits for a GSS answer, so the connection must close");
    }

    @Test
    void aMessageWhenNoCommandRunsIsAProtocolViolation() throws ProtocolViolationException {
        startAndAuthenticate();
        ProtocolViolationException e = assertThrows(ProtocolViolationException.class,
                () -> core.onMessage(new CommandCompleteMessage("SELECT 1")));
        assertEquals("08P01", e.getSQLState());
    }

    @Test
    void anErrorFailsOnlyItsCommandAfterItsReadyForQuery() throws ProtocolViolationException {
        startAndAuthenticate();
        Outcome<List<QueryResult>> first = enqueue(new SimpleQueryCommand("SELECT 1/0"));
        Outcome<List<QueryResult>> second = enqueue(new SimpleQueryCommand("SELECT 'ok'"));
        core.onMessage(error("ERROR", "22012", "division by zero"));
        assertEquals(0, first.calls, "reported when its ReadyForQuery arrives");
        core.onMessage(ReadyForQueryMessage.IDLE);
        assertEquals("22012", first.error.getSQLState());
        core.onMessage(new RowDescriptionMessage(new Column[] {
            new Column("x", 0, (short) 0, 25, (short) -1, -1, (short) 0)}));
        core.onMessage(dataRow("ok"));
        core.onMessage(new CommandCompleteMessage("SELECT 1"));
        core.onMessage(ReadyForQueryMessage.IDLE);
        assertEquals("ok", second.result.get(0).rows().get(0).text(0));
    }

    @Test
    void aClientSideFailureDrainsTheRestOfTheAnswer() throws ProtocolViolationException {
        startAndAuthenticate();
        Outcome<List<QueryResult>> first = enqueue(new SimpleQueryCommand("SELECT 1"));
        Outcome<List<QueryResult>> second = enqueue(new SimpleQueryCommand("SELECT 2"));
        core.onMessage(AuthenticationOkMessage.INSTANCE); // nonsense for a query: the command fails
        core.onMessage(dataRow("drained"));
        core.onMessage(new CommandCompleteMessage("SELECT 1"));
        core.onMessage(ReadyForQueryMessage.IDLE);
        assertEquals("08P01", first.error.getSQLState());
        core.onMessage(new CommandCompleteMessage("SELECT 0"));
        core.onMessage(ReadyForQueryMessage.IDLE);
        assertNull(second.error);
    }

    @Test
    void aFatalErrorFailsTheRunningCommandAndTheCloseFailsTheRest() throws ProtocolViolationException {
        startAndAuthenticate();
        Outcome<List<QueryResult>> running = enqueue(new SimpleQueryCommand("SELECT pg_sleep(10)"));
        Outcome<List<QueryResult>> queued = enqueue(new SimpleQueryCommand("SELECT 1"));
        core.onMessage(error("FATAL", "57P01", "terminating connection due to administrator command"));
        assertEquals("57P01", running.error.getSQLState());
        assertEquals(0, queued.calls);
        core.onClosed(new SQLException("socket closed", "08006"));
        assertEquals("08006", queued.error.getSQLState());
        assertTrue(queued.error.getMessage().contains("administrator command"), queued.error.getMessage());
        Outcome<List<QueryResult>> late = enqueue(new SimpleQueryCommand("SELECT 1"));
        assertTrue(late.error.getSQLState().startsWith("08"));
        assertFalse(core.isOpen());
    }

    @Test
    void noticesGoToTheListenerInAnyState() throws ProtocolViolationException {
        startAndAuthenticate();
        core.onMessage(new io.tusk.internal.protocol.message.backend.NoticeResponseMessage(
                new ServerError(Map.of('S', "WARNING", 'C', "01000", 'M', "careful"))));
        assertEquals("careful", notices.get(0).message());
    }

    @Test
    void terminateFailsQueuedWorkWith08003AndSendsTerminate() throws ProtocolViolationException {
        start();
        Outcome<List<QueryResult>> waiting = enqueue(new SimpleQueryCommand("SELECT 1"));
        core.terminate();
        assertEquals("08003", waiting.error.getSQLState());
        assertEquals(TerminateMessage.INSTANCE, sink.written.get(sink.written.size() - 1));
        Outcome<List<QueryResult>> late = enqueue(new SimpleQueryCommand("SELECT 1"));
        assertEquals("08003", late.error.getSQLState());
    }
}
