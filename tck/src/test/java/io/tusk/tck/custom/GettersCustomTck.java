package io.tusk.tck.custom;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.GettersTckBase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link GettersTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class GettersCustomTck extends GettersTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
