package io.tusk.tck.tusk;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.TimeoutTckBase;

/** {@link TimeoutTckBase} against Tusk. */
class TimeoutTuskTck extends TimeoutTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.tusk();
    }
}
