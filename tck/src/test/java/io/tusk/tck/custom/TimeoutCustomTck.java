package io.tusk.tck.custom;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.TimeoutTckBase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link TimeoutTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class TimeoutCustomTck extends TimeoutTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
