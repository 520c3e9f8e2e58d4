package io.tusk.tck.tusk;

import io.tusk.tck.ClosedObjectTckBase;
import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;

/** {@link ClosedObjectTckBase} against Tusk. */
class ClosedObjectTuskTck extends ClosedObjectTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.tusk();
    }
}
