package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.GeneratedKeysTckBase;

/** {@link GeneratedKeysTckBase} against pgjdbc, the reference. */
class GeneratedKeysPgjdbcTck extends GeneratedKeysTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
