package io.tusk.tck.custom;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.EscapeTckBase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link EscapeTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class EscapeCustomTck extends EscapeTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
