package io.tusk.tck.custom;

import io.tusk.tck.ConcurrencyTckBase;
import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link ConcurrencyTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class ConcurrencyCustomTck extends ConcurrencyTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
