package io.tusk.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the PostgreSQL programs, as an unprivileged user when the tests run as root (PostgreSQL refuses to
 * run as root): {@code runuser -u <user> -- ...}, or {@code su -s /bin/sh <user> -c ...} without runuser.
 * Every wait has a timeout; output goes to a file, never to a pipe, so nothing can block on it.
 */
final class ServerProcesses {

    /** Result of a finished command. */
    record Result(int exitCode, String output) {
    }

    private final String runAs; // null: run as the current user
    private final String runuser; // path of runuser, or null to use su

    private ServerProcesses(String runAs, String runuser) {
        this.runAs = runAs;
        this.runuser = runuser;
    }

    /** Decides who runs the server: the current user, or an unprivileged one when we are root. */
    static ServerProcesses forCurrentUser() {
        if (!runningAsRoot()) {
            return new ServerProcesses(null, null);
        }
        String user = null;
        String wanted = System.getProperty("tusk.test.pg.user");
        List<String> candidates = wanted != null && !wanted.isBlank() ? List.of(wanted.trim()) : List.of("postgres", "nobody");
        for (String candidate : candidates) {
            if (userExists(candidate)) {
                user = candidate;
                break;
            }
        }
        if (user == null) {
            throw new IllegalStateException("The tests run as root and PostgreSQL refuses to, but none of the users "
                    + candidates + " exists to run it as. Create one (e.g. useradd -r postgres) or set "
                    + "-Dtusk.test.pg.user=<user>.");
        }
        String runuser = Stream.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser")
            .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        return new ServerProcesses(user, runuser);
    }

    /** The user the server runs as, or null for the current user. */
    String runAs() {
        return runAs;
    }

    String describeUser() {
        return runAs == null ? System.getProperty("user.name") : runAs;
    }

    /** Runs {@code command} as the server user; throws with its output if it fails or times out. */
    String run(Path workDir, Duration timeout, List<String> command) throws IOException {
        Result result = exec(workDir, timeout, command);
        if (result.exitCode() != 0) {
            throw new IOException("Command failed with exit code " + result.exitCode() + " (as user "
                    + describeUser() + "): " + String.join(" ", command) + "\n" + result.output());
        }
        return result.output();
    }

    /** Runs {@code command} as the server user and returns its exit code and output. */
    Result exec(Path workDir, Duration timeout, List<String> command) throws IOException {
        return execRaw(workDir, timeout, wrap(command));
    }

    /** Makes the server user the owner of {@code path} and everything below it. */
    void chown(Path path) throws IOException {
        if (runAs == null) {
            return;
        }
        UserPrincipal owner = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs);
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setOwner(p, owner);
                }
            }
        }
    }

    private List<String> wrap(List<String> command) {
        if (runAs == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>();
        if (runuser != null) {
            wrapped.addAll(List.of(runuser, "-u", runAs, "--"));
            wrapped.addAll(command);
        } else {
            StringBuilder shell = new StringBuilder("exec");
            for (String arg : command) {
                shell.append(' ').append(shellQuote(arg));
            }
            wrapped.addAll(List.of("su", "-s", "/bin/sh", runAs, "-c", shell.toString()));
        }
        return wrapped;
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static Result execRaw(Path workDir, Duration timeout, List<String> command) throws IOException {
        Path output = Files.createTempFile("tusk-pg-cmd-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            cleanEnvironment(builder.environment());
            Process process = builder.start();
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while running " + command, e);
            }
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("Timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command)
                        + "\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void cleanEnvironment(Map<String, String> env) {
        // libpq-style variables would change what the programs do; keep messages in English.
        env.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("LC_"));
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
    }

    static boolean runningAsRoot() {
        if ("root".equals(System.getProperty("user.name"))) {
            return true;
        }
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (uid instanceof Integer i) {
                return i == 0;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException ignored) {
            // not Linux
        }
        try {
            Result id = execRaw(null, Duration.ofSeconds(10), List.of("id", "-u"));
            return id.exitCode() == 0 && id.output().trim().equals("0");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean userExists(String user) {
        if (!user.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
            return false;
        }
        try {
            return execRaw(null, Duration.ofSeconds(10), List.of("id", "-u", user)).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
