package io.tusk.internal.sql;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JDBC scalar functions of {@code {fn name(args)}} (JDBC 4.3 appendix C) in PostgreSQL terms.
 * Arguments arrive already rewritten ({@code $n} placeholders, nested escapes expanded); a name
 * not listed here is passed through as {@code name(args)}.
 *
 * <p>Where a rewrite uses an argument twice ({@code locate} with a start position,
 * {@code timestampdiff} by month, quarter or year), that argument is evaluated twice; a
 * placeholder in it is the same {@code $n} both times. Date-part functions return
 * {@code integer}, as JDBC defines them; {@code timestampdiff} returns {@code bigint} for seconds
 * and fractions of seconds, {@code integer} otherwise.
 */
final class EscapeFunctions {
    private static final Map<String, String> CONVERT_TYPES = Map.ofEntries(
            Map.entry("BIGINT", "bigint"),
            Map.entry("BINARY", "bytea"),
            Map.entry("VARBINARY", "bytea"),
            Map.entry("LONGVARBINARY", "bytea"),
            Map.entry("BLOB", "bytea"),
            Map.entry("BIT", "boolean"),
            Map.entry("BOOLEAN", "boolean"),
            Map.entry("CHAR", "varchar"),
            Map.entry("VARCHAR", "varchar"),
            Map.entry("LONGVARCHAR", "varchar"),
            Map.entry("NCHAR", "varchar"),
            Map.entry("NVARCHAR", "varchar"),
            Map.entry("LONGNVARCHAR", "varchar"),
            Map.entry("WCHAR", "varchar"),
            Map.entry("WVARCHAR", "varchar"),
            Map.entry("WLONGVARCHAR", "varchar"),
            Map.entry("CLOB", "text"),
            Map.entry("NCLOB", "text"),
            Map.entry("DATE", "date"),
            Map.entry("TYPE_DATE", "date"),
            Map.entry("DECIMAL", "numeric"),
            Map.entry("NUMERIC", "numeric"),
            Map.entry("DOUBLE", "double precision"),
            Map.entry("FLOAT", "double precision"),
            Map.entry("REAL", "real"),
            Map.entry("INTEGER", "integer"),
            Map.entry("SMALLINT", "smallint"),
            Map.entry("TINYINT", "smallint"),
            Map.entry("TIME", "time"),
            Map.entry("TYPE_TIME", "time"),
            Map.entry("TIMESTAMP", "timestamp"),
            Map.entry("TYPE_TIMESTAMP", "timestamp"),
            Map.entry("TIME_WITH_TIMEZONE", "time with time zone"),
            Map.entry("TIMESTAMP_WITH_TIMEZONE", "timestamp with time zone"),
            Map.entry("GUID", "uuid"));

    private static final String INTERVAL_UNITS =
            "SQL_TSI_FRAC_SECOND, SQL_TSI_SECOND, SQL_TSI_MINUTE, SQL_TSI_HOUR, SQL_TSI_DAY, "
                    + "SQL_TSI_WEEK, SQL_TSI_MONTH, SQL_TSI_QUARTER or SQL_TSI_YEAR";

    private EscapeFunctions() {
    }

    /**
     * Appends the PostgreSQL form of {@code {fn name(args)}} to {@code out}.
     *
     * @param position index of the escape's {@code {} in the SQL, for error messages
     */
    static void append(StringBuilder out, String name, List<String> args, int position) throws SQLException {
        Call c = new Call(out, name, args, position);
        String key = name.toLowerCase(Locale.ROOT);
        switch (key) {
            // String functions
            case "ascii", "ltrim", "rtrim", "octet_length", "soundex" -> c.rename(key, 1, 1);
            case "char" -> c.rename("chr", 1, 1);
            case "char_length", "character_length" -> c.charLength();
            case "concat" -> c.concat();
            case "difference", "left", "right", "repeat" -> c.rename(key, 2, 2);
            case "replace" -> c.rename(key, 3, 3);
            case "insert" -> c.arity(4, 4).text("overlay(").arg(0).text(" placing ").arg(3)
                    .text(" from ").arg(1).text(" for ").arg(2).text(")");
            case "lcase", "lower" -> c.rename("lower", 1, 1);
            case "ucase", "upper" -> c.rename("upper", 1, 1);
            case "length" -> c.arity(1, 1).text("length(trim(trailing from ").arg(0).text("))");
            case "locate" -> c.locate();
            case "space" -> c.arity(1, 1).text("repeat(' ', ").arg(0).text(")");
            case "substring" -> c.rename("substr", 2, 3);
            // Numeric functions
            case "abs", "acos", "asin", "atan", "cos", "cot", "degrees", "exp", "floor", "radians",
                    "sign", "sin", "sqrt", "tan" -> c.rename(key, 1, 1);
            case "atan2", "mod" -> c.rename(key, 2, 2);
            case "ceiling" -> c.rename("ceil", 1, 1);
            case "log" -> c.rename("ln", 1, 1);
            case "log10" -> c.rename("log", 1, 1);
            case "pi" -> c.rename("pi", 0, 0);
            case "power" -> c.rename("pow", 2, 2);
            case "rand" -> c.arity(0, 1).text("random()");
            case "round" -> c.rename("round", 1, 2);
            case "truncate" -> c.rename("trunc", 1, 2);
            // Time and date functions
            case "curdate", "current_date" -> c.arity(0, 0).text("current_date");
            case "curtime" -> c.arity(0, 0).text("current_time");
            case "current_time", "current_timestamp" -> c.niladicWithPrecision();
            case "now" -> c.arity(0, 0).text("now()");
            case "dayname" -> c.arity(1, 1).text("to_char(").arg(0).text(", 'FMDay')");
            case "monthname" -> c.arity(1, 1).text("to_char(").arg(0).text(", 'FMMonth')");
            case "dayofmonth" -> c.datePart("day");
            case "dayofweek" -> c.arity(1, 1).text("(cast(extract(dow from ").arg(0).text(") as integer) + 1)");
            case "dayofyear" -> c.datePart("doy");
            case "hour", "minute", "month", "quarter", "week", "year" -> c.datePart(key);
            case "second" -> c.arity(1, 1).text("cast(floor(extract(second from ").arg(0).text(")) as integer)");
            case "timestampadd" -> c.timestampAdd();
            case "timestampdiff" -> c.timestampDiff();
            // System functions
            case "database" -> c.arity(0, 0).text("current_database()");
            case "user" -> c.arity(0, 0).text("user");
            case "ifnull" -> c.rename("coalesce", 2, 2);
            // Conversion
            case "convert" -> c.convert();
            default -> c.rename(name, 0, Integer.MAX_VALUE);
        }
    }

    /** One {@code {fn}} being written: a tiny builder so each rewrite reads like its output. */
    private static final class Call {
        private final StringBuilder out;
        private final String name;
        private final List<String> args;
        private final int position;

        Call(StringBuilder out, String name, List<String> args, int position) {
            this.out = out;
            this.name = name;
            this.args = args;
            this.position = position;
        }

        Call arity(int min, int max) throws SQLException {
            int n = args.size();
            if (n < min || n > max) {
                String expected = min == max ? String.valueOf(min)
                        : max == Integer.MAX_VALUE ? "at least " + min
                        : max == min + 1 ? min + " or " + max : min + " to " + max;
                throw error(n + " argument" + (n == 1 ? "" : "s"), expected + " argument" + (max == 1 ? "" : "s"));
            }
            for (int i = 0; i < n; i++) {
                if (args.get(i).isEmpty()) {
                    throw error("empty argument " + (i + 1), "an expression");
                }
            }
            return this;
        }

        Call text(String s) {
            out.append(s);
            return this;
        }

        Call arg(int i) {
            out.append(args.get(i));
            return this;
        }

        /** The argument in parentheses, for use as an operand. */
        Call operand(int i) {
            out.append('(').append(args.get(i)).append(')');
            return this;
        }

        void rename(String to, int min, int max) throws SQLException {
            arity(min, max);
            out.append(to).append('(');
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                out.append(args.get(i));
            }
            out.append(')');
        }

        void concat() throws SQLException {
            // The SQL || operator, as JDBC defines CONCAT (NULL in, NULL out), not PostgreSQL's concat().
            arity(2, Integer.MAX_VALUE);
            out.append('(');
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    out.append(" || ");
                }
                out.append(args.get(i));
            }
            out.append(')');
        }

        void charLength() throws SQLException {
            arity(1, 2);
            if (args.size() == 2) {
                String unit = args.get(1);
                if (unit.equalsIgnoreCase("OCTETS")) {
                    text("octet_length(").arg(0).text(")");
                    return;
                }
                if (!unit.equalsIgnoreCase("CHARACTERS")) {
                    throw error("unit " + unit, "CHARACTERS or OCTETS");
                }
            }
            text("char_length(").arg(0).text(")");
        }

        void locate() throws SQLException {
            arity(2, 3);
            if (args.size() == 2) {
                text("position(").operand(0).text(" in ").operand(1).text(")");
                return;
            }
            // position() in the tail from start, shifted back by start - 1 unless not found (0).
            text("(position(").operand(0).text(" in substring(").arg(1).text(" from ").arg(2).text("))")
                    .text(" + (").operand(2).text(" - 1) * sign(position(").operand(0).text(" in substring(")
                    .arg(1).text(" from ").arg(2).text("))))");
        }

        void niladicWithPrecision() throws SQLException {
            arity(0, 1);
            out.append(name.toLowerCase(Locale.ROOT));
            if (args.size() == 1) {
                text("(").arg(0).text(")");
            }
        }

        void datePart(String field) throws SQLException {
            arity(1, 1).text("cast(extract(").text(field).text(" from ").arg(0).text(") as integer)");
        }

        void timestampAdd() throws SQLException {
            arity(3, 3);
            String unit = intervalUnit(args.get(0));
            text("(").operand(2).text(" + ");
            switch (unit) {
                case "FRAC_SECOND" -> text("(").operand(1).text(" / 1000.0) * INTERVAL '1 microsecond')");
                case "QUARTER" -> operand(1).text(" * INTERVAL '3 month')");
                default -> operand(1).text(" * INTERVAL '1 " + unit.toLowerCase(Locale.ROOT) + "')");
            }
        }

        void timestampDiff() throws SQLException {
            arity(3, 3);
            String unit = intervalUnit(args.get(0));
            switch (unit) {
                case "FRAC_SECOND" -> text("cast(").micros().text(" * 1000 as bigint)");
                case "SECOND" -> text("cast(trunc(").micros().text(" / 1000000) as bigint)");
                case "MINUTE" -> text("cast(trunc(").micros().text(" / 60000000) as integer)");
                case "HOUR" -> text("cast(trunc(").micros().text(" / 3600000000) as integer)");
                case "DAY" -> text("cast(trunc(").micros().text(" / 86400000000) as integer)");
                case "WEEK" -> text("cast(trunc(").micros().text(" / 604800000000) as integer)");
                case "MONTH" -> text("cast(").months().text(" as integer)");
                case "QUARTER" -> text("cast(trunc(").months().text(" / 3) as integer)");
                default -> text("cast(extract(year from ").age().text(") as integer)");
            }
        }

        /**
         * Whole microseconds from argument 1 to argument 2 (date, timestamp or timestamptz). Rounded
         * because before PostgreSQL 14 extract() returns double precision, and the difference of two
         * epochs is then off by a fraction of a microsecond, enough to truncate 1 s to 0.
         */
        private Call micros() {
            return text("round((extract(epoch from ").operand(2).text(") - extract(epoch from ").operand(1)
                    .text(")) * 1000000)");
        }

        /** Whole months from argument 1 to argument 2, by calendar. */
        private Call months() {
            return text("(extract(year from ").age().text(") * 12 + extract(month from ").age().text("))");
        }

        private Call age() {
            return text("age(").operand(2).text(", ").operand(1).text(")");
        }

        private String intervalUnit(String arg) throws SQLException {
            String unit = arg.toUpperCase(Locale.ROOT);
            if (unit.startsWith("SQL_TSI_")) {
                unit = unit.substring(8);
            }
            switch (unit) {
                case "FRAC_SECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR" -> {
                    return unit;
                }
                default -> throw error("interval " + arg, INTERVAL_UNITS);
            }
        }

        void convert() throws SQLException {
            arity(2, 2);
            String type = args.get(1);
            String key = type.toUpperCase(Locale.ROOT);
            boolean prefixed = key.startsWith("SQL_");
            String pgType = CONVERT_TYPES.get(prefixed ? key.substring(4) : key);
            if (pgType == null) {
                if (prefixed) {
                    throw error("type " + type, "a java.sql.Types name such as SQL_INTEGER or SQL_VARCHAR");
                }
                pgType = type;
            }
            text("cast(").arg(0).text(" AS ").text(pgType).text(")");
        }

        private SQLException error(String value, String expected) {
            return SqlParser.syntaxError("{fn " + name + "} " + value, position, expected);
        }
    }
}
