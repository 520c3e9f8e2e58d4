package io.tusk.internal.net;

import io.tusk.testing.PgServer;

/** {@link TlsIT} with the calling thread doing the I/O. */
class TlsCallerDrivenIT extends TlsIT {
    TlsCallerDrivenIT(PgServer pg) {
        super(pg);
    }

    @Override
    protected boolean callerDriven() {
        return true;
    }
}
