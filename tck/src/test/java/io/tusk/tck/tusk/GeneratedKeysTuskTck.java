package io.tusk.tck.tusk;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.GeneratedKeysTckBase;

/** {@link GeneratedKeysTckBase} against Tusk. */
class GeneratedKeysTuskTck extends GeneratedKeysTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.tusk();
    }
}
