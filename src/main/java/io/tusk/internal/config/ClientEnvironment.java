package io.tusk.internal.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What libpq reads from the process besides the connection string: environment variables, the
 * operating-system user (the default role name) and the home directory (where {@code .pgpass}
 * lives). Injected so that tests do not depend on the machine they run on.
 */
public final class ClientEnvironment {
    private final Function<String, String> variables;
    private final String osUser;
    private final Path home;
    private final boolean windows;

    private ClientEnvironment(Function<String, String> variables, String osUser, Path home, boolean windows) {
        this.variables = Objects.requireNonNull(variables, "variables");
        this.osUser = osUser;
        this.home = home;
        this.windows = windows;
    }

    /** The real process environment, {@code user.name} and {@code user.home}. */
    public static ClientEnvironment system() {
        String home = System.getProperty("user.home");
        return new ClientEnvironment(System::getenv, System.getProperty("user.name"),
                home == null ? null : Path.of(home),
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"));
    }

    /** A fixed environment, for tests and for callers that must not read the process environment. */
    public static ClientEnvironment of(Map<String, String> variables, String osUser, Path home) {
        Map<String, String> copy = Map.copyOf(variables);
        return new ClientEnvironment(copy::get, osUser, home, false);
    }

    /** As {@link #of(Map, String, Path)}, with Windows' file locations when {@code windows}. */
    public static ClientEnvironment of(Map<String, String> variables, String osUser, Path home, boolean windows) {
        Map<String, String> copy = Map.copyOf(variables);
        return new ClientEnvironment(copy::get, osUser, home, windows);
    }

    /** The variable's value, or {@code null} when it is unset or empty (libpq treats both alike). */
    public String variable(String name) {
        String value = variables.apply(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The operating-system user name, libpq's default role name; may be {@code null}. */
    public String osUser() {
        return osUser;
    }

    /** libpq's default password file: {@code ~/.pgpass}, or {@code %APPDATA%\postgresql\pgpass.conf} on Windows. */
    public Path defaultPassFile() {
        if (windows) {
            String appData = variable("APPDATA");
            return appData == null ? null : Path.of(appData, "postgresql", "pgpass.conf");
        }
        return home == null ? null : home.resolve(".pgpass");
    }
}
