package io.tusk.tck.custom;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.TransactionTckBase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link TransactionTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class TransactionCustomTck extends TransactionTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
