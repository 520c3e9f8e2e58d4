package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.ErrorsTckBase;

/** {@link ErrorsTckBase} against pgjdbc, the reference. */
class ErrorsPgjdbcTck extends ErrorsTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
