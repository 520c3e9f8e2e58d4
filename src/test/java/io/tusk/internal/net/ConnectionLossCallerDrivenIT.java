package io.tusk.internal.net;

import io.tusk.testing.PgServer;

/** {@link ConnectionLossIT} with the calling thread doing the I/O. */
class ConnectionLossCallerDrivenIT extends ConnectionLossIT {
    ConnectionLossCallerDrivenIT(PgServer pg) {
        super(pg);
    }

    @Override
    protected boolean callerDriven() {
        return true;
    }
}
