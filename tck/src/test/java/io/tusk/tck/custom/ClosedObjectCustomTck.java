package io.tusk.tck.custom;

import io.tusk.tck.ClosedObjectTckBase;
import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link ClosedObjectTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class ClosedObjectCustomTck extends ClosedObjectTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
