package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.GettersTckBase;

/** {@link GettersTckBase} against pgjdbc, the reference. */
class GettersPgjdbcTck extends GettersTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
