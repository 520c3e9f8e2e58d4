package io.tusk.tck.tusk;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.PreparedStatementTckBase;

/** {@link PreparedStatementTckBase} against Tusk. */
class PreparedStatementTuskTck extends PreparedStatementTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.tusk();
    }
}
