/**
 * Tusk, a PostgreSQL driver: a JDBC facade ({@code io.tusk.jdbc}) over an
 * asynchronous protocol engine on Netty. Only the public API packages are exported; the engine
 * ({@code io.tusk.internal.*}) is not.
 */
module io.tusk {
    requires transitive java.sql;
    // netty-all is an empty aggregate; the modules that hold the classes are named one by one.
    requires io.netty.common;
    requires io.netty.buffer;
    requires io.netty.transport;
    requires io.netty.codec;
    requires io.netty.handler;
    requires io.netty.transport.classes.epoll;
    requires com.ongres.scram.client;
    requires org.slf4j;

    exports io.tusk;
    exports io.tusk.jdbc;

    provides java.sql.Driver with io.tusk.jdbc.TuskDriver;
}
