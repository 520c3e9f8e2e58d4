package io.tusk.tck.custom;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.ConnectionTckBase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link ConnectionTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class ConnectionCustomTck extends ConnectionTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
