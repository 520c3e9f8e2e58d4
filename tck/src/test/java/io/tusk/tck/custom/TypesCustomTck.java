package io.tusk.tck.custom;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.TypesTckBase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link TypesTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class TypesCustomTck extends TypesTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
