package io.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tusk.HasServerError;
import io.tusk.ServerError;
import io.tusk.testing.PgServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** Server errors as SQLException subclasses with every field, and the connection afterwards. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ErrorsIT extends JdbcTestBase {
    ErrorsIT(PgServer pg) {
        super(pg);
    }

    @BeforeEach
    void createTables() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMP TABLE parent (id int CONSTRAINT parent_pk PRIMARY KEY, name text NOT NULL,"
                    + " qty int CONSTRAINT qty_positive CHECK (qty > 0))");
            s.execute("CREATE TEMP TABLE child (pid int CONSTRAINT child_parent_fk REFERENCES parent(id))");
            s.execute("INSERT INTO parent VALUES (1, 'one', 1)");
        }
    }

    private static <T extends SQLException> T expect(Class<T> type, String state, Executable e) {
        SQLException ex = assertThrows(SQLException.class, e);
        assertEquals(state, ex.getSQLState(), () -> "unexpected SQLSTATE for: " + ex);
        return assertInstanceOf(type, ex);
    }

    private static ServerError server(SQLException e) {
        return assertInstanceOf(HasServerError.class, e).serverError();
    }

    private void assertUsable() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 42")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void uniqueViolationFromAStatement() throws SQLException {
        SQLIntegrityConstraintViolationException e = expect(SQLIntegrityConstraintViolationException.class, "23505",
                () -> exec("INSERT INTO parent VALUES (1, 'dup', 1)"));
        ServerError err = server(e);
        assertEquals("parent_pk", err.constraint());
        assertEquals("parent", err.table());
        assertEquals("ERROR", err.severityNonLocalized());
        assertNotNull(err.detail());
        assertTrue(err.detail().contains("(id)=(1)"), err.detail());
        assertTrue(e.getMessage().contains("duplicate key"), e.getMessage());
        assertNotNull(err.schema());
        assertUsable();
    }

    @Test
    void uniqueViolationFromAPreparedStatement() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO parent VALUES (?, ?, ?)")) {
            for (int round = 0; round < 3; round++) {
                ps.setInt(1, 1);
                ps.setString(2, "dup");
                ps.setInt(3, 1);
                SQLIntegrityConstraintViolationException e = expect(SQLIntegrityConstraintViolationException.class,
                        "23505", ps::executeUpdate);
                assertEquals("parent_pk", server(e).constraint());
            }
            ps.setInt(1, 2);
            ps.setString(2, "two");
            ps.setInt(3, 2);
            assertEquals(1, ps.executeUpdate());
        }
    }

    @Test
    void notNullViolationNamesTheColumn() throws SQLException {
        SQLException e = expect(SQLIntegrityConstraintViolationException.class, "23502",
                () -> exec("INSERT INTO parent(id) VALUES (5)"));
        assertEquals("name", server(e).column());
        assertUsable();
    }

    @Test
    void checkAndForeignKeyViolations() throws SQLException {
        SQLException check = expect(SQLIntegrityConstraintViolationException.class, "23514",
                () -> exec("INSERT INTO parent VALUES (5, 'five', -1)"));
        assertEquals("qty_positive", server(check).constraint());
        SQLException fk = expect(SQLIntegrityConstraintViolationException.class, "23503",
                () -> exec("INSERT INTO child VALUES (99)"));
        assertEquals("child_parent_fk", server(fk).constraint());
        assertUsable();
    }

    @Test
    void syntaxErrorWithPosition() throws SQLException {
        SQLSyntaxErrorException e = expect(SQLSyntaxErrorException.class, "42601", () -> exec("SELECT 1 FROM WHERE"));
        assertEquals("15", server(e).position());
        assertUsable();
    }

    @Test
    void syntaxErrorFromAPreparedStatement() throws SQLException {
        SQLSyntaxErrorException e = expect(SQLSyntaxErrorException.class, "42601", () -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int FROM WHERE")) {
                ps.setInt(1, 1);
                ps.executeQuery();
            }
        });
        assertNotNull(server(e).position());
        assertUsable();
    }

    @Test
    void undefinedTableAndColumn() throws SQLException {
        SQLException table = expect(SQLSyntaxErrorException.class, "42P01", () -> exec("SELECT * FROM no_such_table"));
        assertTrue(table.getMessage().contains("no_such_table"), table.getMessage());
        expect(SQLSyntaxErrorException.class, "42703", () -> exec("SELECT no_such_column FROM parent"));
        assertUsable();
    }

    @Test
    void divisionByZero() throws SQLException {
        expect(SQLDataException.class, "22012", () -> exec("SELECT 1/0"));
        try (PreparedStatement ps = conn.prepareStatement("SELECT 10 / ?")) {
            for (int round = 0; round < 3; round++) {
                ps.setInt(1, 0);
                expect(SQLDataException.class, "22012", ps::executeQuery);
                ps.setInt(1, 5);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(2, rs.getInt(1));
                }
            }
        }
    }

    @Test
    void errorWhileRowsAreStreaming() throws SQLException {
        // the error comes after some DataRows were sent
        expect(SQLDataException.class, "22012", () -> {
            try (Statement s = conn.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 10 / (5 - g) FROM generate_series(1, 10) g")) {
                while (rs.next()) {
                    rs.getInt(1);
                }
            }
        });
        try (PreparedStatement ps = conn.prepareStatement("SELECT 10 / (? - g) FROM generate_series(1, 10) g")) {
            for (int round = 0; round < 3; round++) {
                ps.setInt(1, 5);
                expect(SQLDataException.class, "22012", ps::executeQuery);
            }
        }
        assertUsable();
    }

    @Test
    void failedStatementAbortsTheTransactionUntilRollback() throws SQLException {
        conn.setAutoCommit(false);
        exec("INSERT INTO parent VALUES (10, 'ten', 1)");
        expect(SQLDataException.class, "22012", () -> exec("SELECT 1/0"));
        SQLException aborted = expect(SQLException.class, "25P02", () -> exec("SELECT 1"));
        assertTrue(aborted instanceof HasServerError);
        expect(SQLException.class, "25P02", () -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int")) {
                ps.setInt(1, 1);
                ps.executeQuery();
            }
        });
        conn.rollback();
        assertUsable();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM parent")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "the insert was rolled back");
        }
        conn.commit();
        conn.setAutoCommit(true);
    }

    @Test
    void manyErrorsInARowLeaveTheConnectionUsable() throws SQLException {
        for (int i = 0; i < 25; i++) {
            final int n = i;
            assertThrows(SQLException.class, () -> exec(n % 2 == 0 ? "SELECT 1/0" : "SELEC " + n));
        }
        assertUsable();
    }

    @Test
    void raisedExceptionCarriesItsFields() throws SQLException {
        SQLException e = assertThrows(SQLException.class, () -> exec("DO $$ BEGIN RAISE EXCEPTION 'custom %', 7"
                + " USING ERRCODE = 'P0001', DETAIL = 'the detail', HINT = 'the hint'; END $$"));
        assertEquals("P0001", e.getSQLState());
        ServerError err = server(e);
        assertEquals("custom 7", err.message());
        assertEquals("the detail", err.detail());
        assertEquals("the hint", err.hint());
        assertNotNull(err.where());
        assertNotNull(err.routine());
        assertUsable();
    }

    @Test
    void customSqlStateClassesMapToSubclasses() throws SQLException {
        expect(SQLFeatureNotSupportedException.class, "0A000",
                () -> exec("DO $$ BEGIN RAISE EXCEPTION 'nope' USING ERRCODE = 'feature_not_supported'; END $$"));
        expect(SQLDataException.class, "22023",
                () -> exec("DO $$ BEGIN RAISE EXCEPTION 'bad' USING ERRCODE = 'invalid_parameter_value'; END $$"));
        expect(SQLTransactionRollbackException.class, "40001",
                () -> exec("DO $$ BEGIN RAISE EXCEPTION 'ser' USING ERRCODE = 'serialization_failure'; END $$"));
        assertUsable();
    }

    @Test
    void serializationFailureBetweenTwoConnections() throws SQLException {
        exec("CREATE TABLE ser_" + pg.port() + " (id int PRIMARY KEY, v int)");
        String table = "ser_" + pg.port();
        try (Connection other = open()) {
            exec("INSERT INTO " + table + " VALUES (1, 0)");
            conn.setAutoCommit(false);
            conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM " + table)) {
                assertTrue(rs.next()); // the snapshot is taken
            }
            try (Statement s = other.createStatement()) {
                assertEquals(1, s.executeUpdate("UPDATE " + table + " SET v = 1 WHERE id = 1"));
            }
            SQLTransactionRollbackException e = expect(SQLTransactionRollbackException.class, "40001",
                    () -> exec("UPDATE " + table + " SET v = 2 WHERE id = 1"));
            assertNotNull(server(e).message());
            conn.rollback();
        } finally {
            conn.setAutoCommit(true);
            exec("DROP TABLE " + table);
        }
    }

    @Test
    void featureNotSupportedFromTheServer() throws SQLException {
        expect(SQLFeatureNotSupportedException.class, "0A000", () -> exec("SELECT 1 UNION SELECT 2 FOR UPDATE"));
        assertUsable();
    }

    @Test
    void errorMessagesStartWithTheSeverity() {
        SQLException e = assertThrows(SQLException.class, () -> exec("SELECT 1/0"));
        assertTrue(e.getMessage().startsWith("ERROR: division by zero"), e.getMessage());
    }

    @Test
    void errorsInsideAFunctionHaveAContext() {
        SQLException e = assertThrows(SQLException.class, () -> {
            exec("CREATE FUNCTION pg_temp.boom() RETURNS int AS $$ BEGIN RETURN 1/0; END $$ LANGUAGE plpgsql");
            exec("SELECT pg_temp.boom()");
        });
        assertEquals("22012", e.getSQLState());
        assertNotNull(server(e).where());
        assertTrue(server(e).where().contains("boom"), server(e).where());
    }
}
