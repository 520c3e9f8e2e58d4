package io.tusk.tck.tusk;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.ResultSetTckBase;

/** {@link ResultSetTckBase} against Tusk. */
class ResultSetTuskTck extends ResultSetTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.tusk();
    }
}
