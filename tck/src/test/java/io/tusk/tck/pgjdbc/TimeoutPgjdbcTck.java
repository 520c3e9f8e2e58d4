package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.TimeoutTckBase;

/** {@link TimeoutTckBase} against pgjdbc, the reference. */
class TimeoutPgjdbcTck extends TimeoutTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
