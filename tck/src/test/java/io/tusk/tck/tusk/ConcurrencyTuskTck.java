package io.tusk.tck.tusk;

import io.tusk.tck.ConcurrencyTckBase;
import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;

/** {@link ConcurrencyTckBase} against Tusk. */
class ConcurrencyTuskTck extends ConcurrencyTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.tusk();
    }
}
