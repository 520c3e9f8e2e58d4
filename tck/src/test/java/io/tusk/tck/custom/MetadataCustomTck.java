package io.tusk.tck.custom;

import io.tusk.tck.ConnectionSource;
import io.tusk.tck.ConnectionSources;
import io.tusk.tck.MetadataTckBase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link MetadataTckBase} against the driver named by -Dtck.driver (README.md). */
@EnabledIfSystemProperty(named = "tck.driver", matches = ".+")
class MetadataCustomTck extends MetadataTckBase {
    @Override
    protected ConnectionSource source() {
        return ConnectionSources.custom();
    }
}
