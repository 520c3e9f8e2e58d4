/**
 * Connection configuration: the URL parser ({@link io.tusk.internal.config.ConnectionUrl}), the
 * merged and validated configuration ({@link io.tusk.internal.config.ConnectionConfig}) that builds
 * the engine's {@link io.tusk.internal.protocol.ConnectionSettings}, libpq's environment
 * ({@link io.tusk.internal.config.ClientEnvironment}) and password file
 * ({@link io.tusk.internal.config.PgPass}). The properties themselves are listed once, in
 * {@link io.tusk.ConnectionProperty}.
 */
package io.tusk.internal.config;
