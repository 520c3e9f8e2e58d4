package io.tusk.tck.pgjdbc;

import io.tusk.tck.ClosedObjectTckBase;
import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;

/** {@link ClosedObjectTckBase} against pgjdbc, the reference. */
class ClosedObjectPgjdbcTck extends ClosedObjectTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
