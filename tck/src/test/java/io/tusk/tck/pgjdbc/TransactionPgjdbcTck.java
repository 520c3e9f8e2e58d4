package io.tusk.tck.pgjdbc;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.TransactionTckBase;

/** {@link TransactionTckBase} against pgjdbc, the reference. */
class TransactionPgjdbcTck extends TransactionTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.pgjdbc();
    }
}
