package io.tusk.tck.custom;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.GeneratedKeysTckBase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link GeneratedKeysTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class GeneratedKeysCustomTck extends GeneratedKeysTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
