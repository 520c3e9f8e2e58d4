package io.tusk.tck.custom;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.SettersTckBase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link SettersTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class SettersCustomTck extends SettersTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
