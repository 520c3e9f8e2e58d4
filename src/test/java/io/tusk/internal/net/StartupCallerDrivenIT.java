package io.tusk.internal.net;

import io.tusk.testing.PgServer;

/** {@link StartupIT} with the calling thread doing the I/O. */
class StartupCallerDrivenIT extends StartupIT {
    StartupCallerDrivenIT(PgServer pg) {
        super(pg);
    }

    @Override
    protected boolean callerDriven() {
        return true;
    }
}
