package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.TypesTckBase;

/** {@link TypesTckBase} against pgjdbc, the reference. */
class TypesPgjdbcTck extends TypesTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
