package io.tusk.tck.tusk;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.TransactionTckBase;

/** {@link TransactionTckBase} against Tusk. */
class TransactionTuskTck extends TransactionTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.tusk();
    }
}
