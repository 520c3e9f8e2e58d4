package io.tusk.tck.tusk;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.StatementTckBase;

/** {@link StatementTckBase} against Tusk. */
class StatementTuskTck extends StatementTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.tusk();
    }
}
