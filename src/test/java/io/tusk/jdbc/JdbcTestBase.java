package io.tusk.jdbc;

import io.tusk.testing.PgServer;
import io.tusk.testing.PgServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base of the JDBC facade's integration tests: a fresh connection per test, through DriverManager. */
@ExtendWith(PgServerExtension.class)
abstract class JdbcTestBase {
    /**
     * Runs of one PreparedStatement that go through every way it is executed with the default
     * prepareThreshold (5): unnamed with text results (runs 1 to 4), prepared under a name and
     * described (5, text results), from the statement cache with binary results (6 and 7).
     */
    protected static final int RUNS_THROUGH_ALL_FORMATS = 7;
    /** The first run of a PreparedStatement, counted from 1, whose results are binary. */
    protected static final int FIRST_BINARY_RUN = 6;

    protected final PgServer pg;
    protected Connection conn;

    JdbcTestBase(PgServer pg) {
        this.pg = pg;
    }

    /** A pgjdbc-style URL, the way existing configurations reach Tusk. */
    protected String url() {
        return "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/" + pg.database()
                + (pg.isEmbedded() ? "?sslmode=disable" : "");
    }

    protected Connection open() throws SQLException {
        return open(new Properties());
    }

    /** A connection as {@link #open()}, with the given connection properties added. */
    protected Connection open(Properties extra) throws SQLException {
        Properties p = new Properties();
        p.putAll(extra);
        p.setProperty("user", pg.superUser());
        if (pg.superPassword() != null) {
            p.setProperty("password", pg.superPassword());
        }
        return DriverManager.getConnection(url(), p);
    }

    @BeforeEach
    void openConnection() throws SQLException {
        conn = open();
    }

    @AfterEach
    void closeConnection() throws SQLException {
        if (conn != null) {
            conn.close();
        }
    }
}
