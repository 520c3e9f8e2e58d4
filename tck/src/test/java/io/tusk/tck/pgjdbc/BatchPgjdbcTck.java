package io.tusk.tck.pgjdbc;

import io.tusk.tck.BatchTckBase;
import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;

/** {@link BatchTckBase} against pgjdbc, the reference. */
class BatchPgjdbcTck extends BatchTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
