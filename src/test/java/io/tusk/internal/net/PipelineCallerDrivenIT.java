package io.tusk.internal.net;

import io.tusk.testing.PgServer;

/** {@link PipelineIT} with the calling thread doing the I/O. */
class PipelineCallerDrivenIT extends PipelineIT {
    PipelineCallerDrivenIT(PgServer pg) {
        super(pg);
    }

    @Override
    protected boolean callerDriven() {
        return true;
    }
}
