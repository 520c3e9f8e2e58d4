package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.MetadataTckBase;

/** {@link MetadataTckBase} against pgjdbc, the reference. */
class MetadataPgjdbcTck extends MetadataTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
