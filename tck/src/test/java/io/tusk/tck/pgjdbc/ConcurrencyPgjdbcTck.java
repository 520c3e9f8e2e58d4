package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConcurrencyTckBase;
import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;

/** {@link ConcurrencyTckBase} against pgjdbc, the reference. */
class ConcurrencyPgjdbcTck extends ConcurrencyTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
