package io.tusk.jdbc;

import io.tusk.HasServerError;
import io.tusk.ServerError;
import java.sql.SQLWarning;
import java.util.Objects;

/**
 * A NoticeResponse from the server (a {@code RAISE NOTICE}, a deprecation or "there is no transaction
 * in progress" warning) as JDBC's {@link SQLWarning}, with every field the server sent.
 *
 * <pre>{@code
 * for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
 *     if (w instanceof HasServerError s) {
 *         log.info("{} {}: {}", s.serverError().severity(), w.getSQLState(), s.serverError().detail());
 *     }
 * }
 * }</pre>
 */
public final class ServerWarning extends SQLWarning implements HasServerError {
    private static final long serialVersionUID = 1L;

    private final transient ServerError notice;

    /** The warning's message is the notice's primary message, its SQLSTATE the notice's code. */
    public ServerWarning(ServerError notice) {
        super(Objects.requireNonNull(notice, "notice").message(), notice.code());
        this.notice = notice;
    }

    @Override
    public ServerError serverError() {
        return notice;
    }
}
