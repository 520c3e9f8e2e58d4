package io.tusk.jdbc;

import io.tusk.internal.error.SqlStates;
import java.sql.SQLException;
import java.sql.Savepoint;

/** A savepoint: named by the application, or numbered ({@code JDBC_SAVEPOINT_n}) when unnamed. */
final class JdbcSavepoint implements Savepoint {
    private final int id;
    private final String name;
    private boolean released;

    JdbcSavepoint(int id, String name) {
        this.id = id;
        this.name = name;
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw new SQLException("a named savepoint has no id", SqlStates.INVALID_PARAMETER_VALUE);
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw new SQLException("an unnamed savepoint has no name", SqlStates.INVALID_PARAMETER_VALUE);
        }
        return name;
    }

    /** The identifier used in SQL, quoted. */
    String sqlName() {
        return Identifiers.quote(name != null ? name : "JDBC_SAVEPOINT_" + id);
    }

    void checkUsable() throws SQLException {
        if (released) {
            throw new SQLException("savepoint " + sqlName() + " was released", "3B001");
        }
    }

    void released() {
        released = true;
    }
}
