package io.tusk.tck.tusk;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.ErrorsTckBase;

/** {@link ErrorsTckBase} against Tusk. */
class ErrorsTuskTck extends ErrorsTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.tusk();
    }
}
