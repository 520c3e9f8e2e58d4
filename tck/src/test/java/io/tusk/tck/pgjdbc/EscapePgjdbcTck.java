package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.EscapeTckBase;

/** {@link EscapeTckBase} against pgjdbc, the reference. */
class EscapePgjdbcTck extends EscapeTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
