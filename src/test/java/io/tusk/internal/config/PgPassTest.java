package io.tusk.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tusk.internal.protocol.HostSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgPassTest {
    @TempDir
    Path dir;

    static final String FILE = String.join("\n",
            "# comment line:*:*:*:nope",
            "",
            "db1.example.com:5432:sales:alice:pw-exact",
            "db1.example.com:*:*:alice:pw-any-port-db",
            "localhost:5432:*:bob:pw-local",
            "*:*:*:carol:pw-carol",
            "h\\:colon:5432:d\\\\b:u\\:x:pw\\:with\\\\escapes",
            "\\*:5432:*:star:pw-literal-star",
            "*:*:*:dave:pw-dave:trailing",
            "short:line:only",
            "*:*:*:*:pw-fallback");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "db1.example.com | 5432 | sales | alice | pw-exact",
            "db1.example.com | 6543 | other | alice | pw-any-port-db",
            "db2.example.com | 5432 | sales | alice | pw-fallback",
            "localhost       | 5432 | any   | bob   | pw-local",
            "localhost       | 5433 | any   | bob   | pw-fallback",
            "anywhere        | 1    | x     | carol | pw-carol",
            "h:colon         | 5432 | d\\b  | u:x   | pw:with\\escapes",
            "*               | 5432 | x     | star  | pw-literal-star",
            "other           | 5432 | x     | star  | pw-fallback",
            "h               | 5432 | x     | dave  | pw-dave",
            "                | 5432 | x     | bob   | pw-local",
            "/tmp            | 5432 | x     | bob   | pw-local",
            "DB1.example.com | 5432 | sales | alice | pw-fallback"})
    void firstMatchingLineWins(String host, int port, String db, String user, String expected) {
        assertEquals(expected, PgPass.parse(FILE).find(host, port, db, user));
    }

    @Test
    void noMatchIsNull() {
        assertNull(PgPass.parse("h:5432:db:u:pw").find("h", 5432, "db", "other"));
        assertNull(PgPass.parse("").find("h", 5432, "db", "u"));
    }

    @Test
    void windowsLineEndings() {
        assertEquals("pw", PgPass.parse("h:5432:db:u:pw\r\nx:1:y:z:w\r\n").find("h", 5432, "db", "u"));
    }

    @Test
    void aPrivateFileIsRead() throws IOException {
        Path file = write("h:5432:db:u:secret\n", "rw-------");
        assertEquals("secret", PgPass.read(file).find("h", 5432, "db", "u"));
    }

    @Test
    void aGroupOrWorldAccessibleFileIsIgnored() throws IOException {
        for (String perms : new String[] {"rw-r-----", "rw----r--", "rw-rw-rw-", "rw-----w-", "rw---x---"}) {
            Path file = write("h:5432:db:u:secret\n", perms);
            assertNull(PgPass.read(file).find("h", 5432, "db", "u"), perms);
        }
    }

    @Test
    void missingFileOrDirectoryIsIgnored() {
        assertNull(PgPass.read(dir.resolve("absent")).find("h", 5432, "db", "u"));
        assertNull(PgPass.read(dir).find("h", 5432, "db", "u"));
        assertNull(PgPass.read(null).find("h", 5432, "db", "u"));
    }

    @Test
    void configUsesThePasswordFileOnlyWhenNoPasswordIsGiven() throws IOException, SQLException {
        Path file = write("*:*:appdb:app:from-file\n", "rw-------");
        ClientEnvironment env = ClientEnvironment.of(Map.of("PGPASSFILE", file.toString()), "app", dir);
        ConnectionConfig fromFile = ConnectionUrl.parse("jdbc:tusk://h/appdb", null, env);
        assertEquals("from-file", fromFile.toSettings().password());
        assertEquals("from-file", fromFile.passwordFor(new HostSpec("h", 5432)));

        ConnectionConfig explicit = ConnectionUrl.parse("jdbc:tusk://h/appdb?password=given", null, env);
        assertEquals("given", explicit.toSettings().password());

        ClientEnvironment withEnvPassword = ClientEnvironment.of(
                Map.of("PGPASSFILE", file.toString(), "PGPASSWORD", "from-env"), "app", dir);
        assertEquals("from-env", ConnectionUrl.parse("jdbc:tusk://h/appdb", null, withEnvPassword).toSettings().password());

        // An empty password counts as none, as in libpq.
        assertEquals("from-file", ConnectionUrl.parse("jdbc:tusk://h/appdb?password=", null, env).toSettings().password());
    }

    @Test
    void passfilePropertyBeatsPgpassfileAndTheDefaultLocation() throws IOException, SQLException {
        Path fromProperty = write("*:*:*:*:by-property\n", "rw-------");
        Path fromEnv = dir.resolve("env.pgpass");
        Files.writeString(fromEnv, "*:*:*:*:by-env\n");
        restrict(fromEnv);
        Files.writeString(dir.resolve(".pgpass"), "*:*:*:*:by-home\n");
        restrict(dir.resolve(".pgpass"));

        ClientEnvironment env = ClientEnvironment.of(Map.of("PGPASSFILE", fromEnv.toString()), "u", dir);
        Properties props = new Properties();
        props.setProperty("passfile", fromProperty.toString());
        assertEquals("by-property", ConnectionUrl.parse("jdbc:tusk://h/db", props, env).toSettings().password());
        assertEquals("by-env", ConnectionUrl.parse("jdbc:tusk://h/db", null, env).toSettings().password());
        ClientEnvironment home = ClientEnvironment.of(Map.of(), "u", dir);
        assertEquals("by-home", ConnectionUrl.parse("jdbc:tusk://h/db", null, home).toSettings().password());
    }

    @Test
    void matchingUsesTheResolvedDatabaseUserAndEachHostInOrder() throws IOException, SQLException {
        Path file = write("second:5433:osuser:osuser:pw-second\n", "rw-------");
        ClientEnvironment env = ClientEnvironment.of(Map.of("PGPASSFILE", file.toString()), "osuser", dir);
        ConnectionConfig c = ConnectionUrl.parse("jdbc:tusk://first,second:5433/", null, env);
        assertEquals("pw-second", c.toSettings().password());
        assertNull(c.passwordFor(new HostSpec("first", 5432)));
    }

    private Path write(String text, String perms) throws IOException {
        Path file = Files.createTempFile(dir, "pgpass", "");
        Files.writeString(file, text);
        boolean posix = Files.getFileAttributeView(file, PosixFileAttributeView.class) != null;
        if (!perms.equals("rw-------")) {
            assumeTrue(posix, "no POSIX permissions on this file system");
        }
        if (posix) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        }
        return file;
    }

    private static void restrict(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
