package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.PreparedStatementTckBase;

/** {@link PreparedStatementTckBase} against pgjdbc, the reference. */
class PreparedStatementPgjdbcTck extends PreparedStatementTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
