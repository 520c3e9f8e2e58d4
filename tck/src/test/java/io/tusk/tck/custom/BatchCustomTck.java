package io.tusk.tck.custom;

import io.tusk.tck.BatchTckBase;
import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link BatchTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class BatchCustomTck extends BatchTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
