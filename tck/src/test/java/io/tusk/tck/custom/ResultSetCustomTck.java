package io.tusk.tck.custom;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.ResultSetTckBase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link ResultSetTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class ResultSetCustomTck extends ResultSetTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
