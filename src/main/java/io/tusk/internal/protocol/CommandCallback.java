package io.tusk.internal.protocol;

import java.sql.SQLException;

/** How a command reports its end: exactly one of the two methods is called, once. */
public interface CommandCallback<T> {

    void onSuccess(T result);

    void onFailure(SQLException error);
}
