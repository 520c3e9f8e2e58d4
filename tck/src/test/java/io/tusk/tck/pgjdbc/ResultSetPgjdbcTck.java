package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.ResultSetTckBase;

/** {@link ResultSetTckBase} against pgjdbc, the reference. */
class ResultSetPgjdbcTck extends ResultSetTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
