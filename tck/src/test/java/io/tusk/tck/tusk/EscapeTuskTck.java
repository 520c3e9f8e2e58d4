package io.tusk.tck.tusk;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.EscapeTckBase;

/** {@link EscapeTckBase} against Tusk. */
class EscapeTuskTck extends EscapeTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.tusk();
    }
}
