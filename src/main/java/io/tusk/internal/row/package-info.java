/**
 * Results as every layer sees them: the columns ({@link io.tusk.internal.row.Column}) and rows in
 * the compact form they arrive in ({@link io.tusk.internal.row.RowData}). The engine produces them,
 * the session and the public APIs read them; nothing here knows about the protocol or the network.
 */
package io.tusk.internal.row;
