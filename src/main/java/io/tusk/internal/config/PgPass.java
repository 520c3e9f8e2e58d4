package io.tusk.internal.config;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libpq's password file ({@code ~/.pgpass}): lines of {@code hostname:port:database:username:password},
 * where a field that is exactly {@code *} matches anything, {@code \:} and {@code \\} stand for a
 * colon and a backslash, lines starting with {@code #} are comments, and the first matching line
 * wins. As in libpq, a file that the group or others can access is ignored with a warning (on file
 * systems without POSIX permissions the check is skipped), and a missing file is silently ignored.
 *
 * <p>A host that is empty or a Unix-socket directory is matched as {@code localhost}, as libpq does;
 * Tusk does not connect through Unix sockets yet.
 */
public final class PgPass {
    private static final Logger LOG = LoggerFactory.getLogger(PgPass.class);
    private static final PgPass EMPTY = new PgPass(List.of());

    private final List<String[]> entries;

    private PgPass(List<String[]> entries) {
        this.entries = entries;
    }

    /** Reads the file; an absent, unreadable or too widely readable file gives an empty {@code PgPass}. */
    public static PgPass read(Path file) {
        if (file == null) {
            return EMPTY;
        }
        try {
            if (!Files.isRegularFile(file)) {
                if (Files.exists(file)) {
                    LOG.warn("password file \"{}\" is not a plain file; ignored", file);
                }
                return EMPTY;
            }
            if (!privateEnough(file)) {
                LOG.warn("password file \"{}\" has group or world access; it is ignored "
                        + "(permissions should be u=rw (0600) or less)", file);
                return EMPTY;
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            return parse(text);
        } catch (NoSuchFileException e) {
            return EMPTY;
        } catch (IOException | SecurityException e) {
            LOG.debug("password file \"{}\" could not be read: {}", file, e.toString());
            return EMPTY;
        }
    }

    /** Parses the text of a password file. */
    public static PgPass parse(String text) {
        List<String[]> entries = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            String[] fields = fields(line);
            if (fields != null) {
                entries.add(fields);
            }
        }
        return new PgPass(List.copyOf(entries));
    }

    /**
     * The password of the first entry that matches, or {@code null}.
     *
     * @param host the host name as configured (not resolved); empty or a socket path counts as localhost
     */
    public String find(String host, int port, String database, String user) {
        String h = host == null || host.isEmpty() || host.startsWith("/") || host.startsWith("@") ? "localhost" : host;
        String[] wanted = {h, Integer.toString(port), database, user};
        for (String[] e : entries) {
            if (matches(e[0], wanted[0]) && matches(e[1], wanted[1]) && matches(e[2], wanted[2])
                    && matches(e[3], wanted[3])) {
                return e[4];
            }
        }
        return null;
    }

    private static boolean matches(String field, String value) {
        return field == null || field.equals(value);
    }

    /**
     * Splits one line into four unescaped match fields ({@code null} for {@code *}) and the password,
     * or returns {@code null} when the line has fewer than five fields. The password ends at the
     * next unescaped colon, as in libpq.
     */
    private static String[] fields(String line) {
        String[] out = new String[5];
        int i = 0;
        for (int f = 0; f < 5; f++) {
            StringBuilder field = new StringBuilder();
            boolean escaped = false;
            int start = i;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    field.append(line.charAt(i + 1));
                    escaped = true;
                    i += 2;
                    continue;
                }
                if (c == ':') {
                    break;
                }
                field.append(c);
                i++;
            }
            boolean atColon = i < line.length();
            if (f < 4 && !atColon) {
                return null;
            }
            // Only a field that is exactly "*" is a wildcard; "\*" is a literal star.
            boolean wildcard = !escaped && i - start == 1 && line.charAt(start) == '*';
            out[f] = f < 4 && wildcard ? null : field.toString();
            i++; // skip the colon
        }
        return out;
    }

    private static boolean privateEnough(Path file) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file, new LinkOption[0]);
        } catch (UnsupportedOperationException e) {
            return true; // no POSIX permissions (Windows, some mounts): libpq does not check there either
        }
        for (PosixFilePermission p : perms) {
            switch (p) {
                case GROUP_READ: case GROUP_WRITE: case GROUP_EXECUTE:
                case OTHERS_READ: case OTHERS_WRITE: case OTHERS_EXECUTE:
                    return false;
                default:
                    break;
            }
        }
        return true;
    }
}
