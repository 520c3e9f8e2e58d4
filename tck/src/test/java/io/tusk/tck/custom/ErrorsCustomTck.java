package io.tusk.tck.custom;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.ErrorsTckBase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link ErrorsTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class ErrorsCustomTck extends ErrorsTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
