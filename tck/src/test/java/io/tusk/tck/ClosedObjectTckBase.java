package io.tusk.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What closed connections, statements and result sets do: most methods throw SQLException (for a closed
 * connection with SQLSTATE 08003), isClosed is true, close is a no-op, and isValid is false.
 */
public abstract class ClosedObjectTckBase extends TckBase {

    /** A method call on a closed object; the name shows in the report. */
    @FunctionalInterface
    interface Call<T> {
        void on(T target) throws Exception;
    }

    record Case<T>(String name, Call<T> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case<Connection>> connectionCalls() {
        return Stream.of(
            new Case<>("createStatement", Connection::createStatement),
            new Case<>("prepareStatement", c -> c.prepareStatement("SELECT 1")),
            new Case<>("prepareCall", c -> c.prepareCall("{call abs(1)}")),
            new Case<>("setAutoCommit", c -> c.setAutoCommit(false)),
            new Case<>("getAutoCommit", Connection::getAutoCommit),
            new Case<>("commit", Connection::commit),
            new Case<>("rollback", Connection::rollback),
            new Case<>("setTransactionIsolation", c -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE)),
            new Case<>("getTransactionIsolation", Connection::getTransactionIsolation),
            new Case<>("setReadOnly", c -> c.setReadOnly(true)),
            new Case<>("getMetaData", Connection::getMetaData),
            new Case<>("getWarnings", Connection::getWarnings),
            new Case<>("setSavepoint", Connection::setSavepoint),
            new Case<>("getSchema", Connection::getSchema),
            new Case<>("setSchema", c -> c.setSchema("public")),
            new Case<>("nativeSQL", c -> c.nativeSQL("SELECT 1")),
            new Case<>("getCatalog", Connection::getCatalog),
            new Case<>("getHoldability", Connection::getHoldability),
            new Case<>("setNetworkTimeout", c -> c.setNetworkTimeout(Runnable::run, 1000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectionCalls")
    void closedConnectionRejects(Case<Connection> c) throws SQLException {
        conn.close();
        assertSqlState("08003", () -> c.call().on(conn));
    }

    @Test
    void closedConnectionIsClosedAndNotValid() throws SQLException {
        conn.close();
        assertTrue(conn.isClosed());
        assertFalse(conn.isValid(1));
        conn.close();
    }

    static Stream<Case<Statement>> statementCalls() {
        return Stream.of(
            new Case<>("executeQuery", s -> s.executeQuery("SELECT 1")),
            new Case<>("executeUpdate", s -> s.executeUpdate("SET application_name = 'x'")),
            new Case<>("execute", s -> s.execute("SELECT 1")),
            new Case<>("addBatch", s -> s.addBatch("SELECT 1")),
            new Case<>("executeBatch", Statement::executeBatch),
            new Case<>("getResultSet", Statement::getResultSet),
            new Case<>("getUpdateCount", Statement::getUpdateCount),
            new Case<>("getMoreResults", Statement::getMoreResults),
            new Case<>("setMaxRows", s -> s.setMaxRows(1)),
            new Case<>("setFetchSize", s -> s.setFetchSize(1)),
            new Case<>("setQueryTimeout", s -> s.setQueryTimeout(1)),
            new Case<>("getWarnings", Statement::getWarnings),
            new Case<>("getGeneratedKeys", Statement::getGeneratedKeys));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statementCalls")
    void closedStatementRejects(Case<Statement> c) throws SQLException {
        Statement s = conn.createStatement();
        s.close();
        assertSqlException(() -> c.call().on(s));
    }

    @Test
    void closedStatementIsClosedAndCloseIsNoOp() throws SQLException {
        Statement s = conn.createStatement();
        s.close();
        assertTrue(s.isClosed());
        s.close();
    }

    @Test
    void statementOfClosedConnectionRejectsExecution() throws SQLException {
        Statement s = conn.createStatement();
        conn.close();
        assertSqlException(() -> s.executeQuery("SELECT 1"));
    }

    static Stream<Case<PreparedStatement>> preparedStatementCalls() {
        return Stream.of(
            new Case<>("setInt", ps -> ps.setInt(1, 1)),
            new Case<>("setString", ps -> ps.setString(1, "x")),
            new Case<>("setNull", ps -> ps.setNull(1, java.sql.Types.INTEGER)),
            new Case<>("executeQuery", PreparedStatement::executeQuery),
            new Case<>("executeUpdate", PreparedStatement::executeUpdate),
            new Case<>("addBatch", PreparedStatement::addBatch),
            new Case<>("clearParameters", PreparedStatement::clearParameters),
            new Case<>("getParameterMetaData", PreparedStatement::getParameterMetaData));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preparedStatementCalls")
    void closedPreparedStatementRejects(Case<PreparedStatement> c) throws SQLException {
        PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS int4)");
        ps.close();
        assertSqlException(() -> c.call().on(ps));
    }

    static Stream<Case<ResultSet>> resultSetCalls() {
        return Stream.of(
            new Case<>("next", ResultSet::next),
            new Case<>("getInt", rs -> rs.getInt(1)),
            new Case<>("getString", rs -> rs.getString(1)),
            new Case<>("getObject", rs -> rs.getObject(1)),
            new Case<>("getInt by label", rs -> rs.getInt("v")),
            new Case<>("findColumn", rs -> rs.findColumn("v")),
            new Case<>("wasNull", ResultSet::wasNull),
            new Case<>("getMetaData", ResultSet::getMetaData),
            new Case<>("getRow", ResultSet::getRow),
            new Case<>("getWarnings", ResultSet::getWarnings));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resultSetCalls")
    void closedResultSetRejects(Case<ResultSet> c) throws SQLException {
        Statement s = closeLater(conn.createStatement());
        ResultSet rs = s.executeQuery("SELECT 1 AS v");
        rs.next();
        rs.close();
        assertSqlException(() -> c.call().on(rs));
    }

    @Test
    void closedResultSetIsClosedAndCloseIsNoOp() throws SQLException {
        Statement s = closeLater(conn.createStatement());
        ResultSet rs = s.executeQuery("SELECT 1");
        rs.close();
        assertTrue(rs.isClosed());
        rs.close();
    }

    @Test
    void resultSetOfClosedStatementIsClosed() throws SQLException {
        Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1");
        s.close();
        assertTrue(rs.isClosed());
        assertSqlException(rs::next);
    }

    @Test
    void closingResultSetKeepsStatementOpen() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.executeQuery("SELECT 1").close();
            assertFalse(s.isClosed());
            try (ResultSet rs = s.executeQuery("SELECT 2")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
            }
        }
    }

    @Test
    void tryWithResourcesClosesEverything() throws SQLException {
        Statement outer;
        ResultSet outerRs;
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            outer = s;
            outerRs = rs;
        }
        assertTrue(outer.isClosed());
        assertTrue(outerRs.isClosed());
    }
}
