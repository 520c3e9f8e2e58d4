package io.tusk.tck.tusk;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.ConnectionTckBase;

/** {@link ConnectionTckBase} against Tusk. */
class ConnectionTuskTck extends ConnectionTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.tusk();
    }
}
