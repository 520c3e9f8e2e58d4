package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.ConnectionTckBase;

/** {@link ConnectionTckBase} against pgjdbc, the reference. */
class ConnectionPgjdbcTck extends ConnectionTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
