package io.tusk.internal.net;

import io.tusk.testing.PgServer;

/** {@link QueryIT} with the calling thread doing the I/O. */
class QueryCallerDrivenIT extends QueryIT {
    QueryCallerDrivenIT(PgServer pg) {
        super(pg);
    }

    @Override
    protected boolean callerDriven() {
        return true;
    }
}
