package io.tusk.internal.net;

import io.tusk.internal.protocol.CommandCallback;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/** Completes a future when a command ends: the bridge from the thread-free core to the async world. */
final class FutureCallback<T> extends CompletableFuture<T> implements CommandCallback<T> {

    @Override
    public void onSuccess(T result) {
        complete(result);
    }

    @Override
    public void onFailure(SQLException error) {
        completeExceptionally(error);
    }
}
