package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.SettersTckBase;

/** {@link SettersTckBase} against pgjdbc, the reference. */
class SettersPgjdbcTck extends SettersTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
