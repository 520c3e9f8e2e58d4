package io.tusk.internal.net;

import io.tusk.testing.PgServer;

/** {@link AuthenticationIT} with the calling thread doing the I/O. */
class AuthenticationCallerDrivenIT extends AuthenticationIT {
    AuthenticationCallerDrivenIT(PgServer pg) {
        super(pg);
    }

    @Override
    protected boolean callerDriven() {
        return true;
    }
}
