package io.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Parsing of TUSK_TEST_URL / tusk.test.url. */
class PgServerConfigTest {

    @Test
    void plainUrl() {
        PgServer.External e = PgServer.External.parse("postgresql://db.example:6543/things", "me", "secret");
        assertEquals(new PgServer.External("db.example", 6543, "things", "me", "secret"), e);
    }

    @Test
    void jdbcUrlWithDefaults() {
        PgServer.External e = PgServer.External.parse("jdbc:postgresql://localhost/", null, null);
        assertEquals("localhost", e.host());
        assertEquals(5432, e.port());
        assertEquals("tusk", e.database());
        assertEquals("postgres", e.user());
        assertNull(e.password());
    }

    @Test
    void userInfoAndIpv6() {
        PgServer.External e = PgServer.External.parse("postgres://bob:p%40ss@[::1]:5433/x", null, null);
        assertEquals(new PgServer.External("::1", 5433, "x", "bob", "p@ss"), e);
        // explicit settings win over the URL's user info
        assertEquals("alice", PgServer.External.parse("postgresql://bob:pw@h/x", "alice", null).user());
    }

    @Test
    void rejectsOtherSchemes() {
        assertThrows(IllegalArgumentException.class, () -> PgServer.External.parse("mysql://h/x", null, null));
    }
}
