package io.tusk.tck.tusk;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.MetadataTckBase;

/** {@link MetadataTckBase} against Tusk. */
class MetadataTuskTck extends MetadataTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.tusk();
    }
}
