package io.tusk.tck.custom;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.StatementTckBase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link StatementTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class StatementCustomTck extends StatementTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
