package io.tusk.tck.custom;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.PreparedStatementTckBase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link PreparedStatementTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class PreparedStatementCustomTck extends PreparedStatementTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
