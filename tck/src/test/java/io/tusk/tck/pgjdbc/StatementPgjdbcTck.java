package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.StatementTckBase;

/** {@link StatementTckBase} against pgjdbc, the reference. */
class StatementPgjdbcTck extends StatementTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
