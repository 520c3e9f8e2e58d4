package io.tusk.tck.tusk;

import io.tusk.tck.BatchTckBase;
import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;

/** {@link BatchTckBase} against Tusk. */
class BatchTuskTck extends BatchTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.tusk();
    }
}
