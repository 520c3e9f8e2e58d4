package io.tusk;

import io.tusk.internal.row.RowData;
import io.tusk.internal.session.RowDescriptor;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of a query result. Values stay in the compact form they arrived in and are decoded when
 * read, by the column's codec; every row of a result shares one descriptor. Columns are numbered
 * from 0 (as in asyncpg); names are matched exactly first, then case-insensitively.
 *
 * <pre>{@code
 * Row row = conn.fetchRow("SELECT id, name, created FROM users WHERE id = $1", 42).join();
 * long id = row.getLong("id");
 * String name = row.getString(1);
 * OffsetDateTime created = row.get("created", OffsetDateTime.class);
 * }</pre>
 *
 * Getters return {@code null} for SQL NULL and throw {@link ValueConversionException} when the value
 * cannot be converted to the type asked for. A {@code Row} is immutable and may be shared between threads.
 */
public final class Row {
    private final RowDescriptor descriptor;
    private final RowData data;

    Row(RowDescriptor descriptor, RowData data) {
        this.descriptor = descriptor;
        this.data = data;
    }

    /** The number of columns. */
    public int size() {
        return descriptor.size();
    }

    /** The name of column {@code index} (0-based). */
    public String columnName(int index) {
        checkIndex(index);
        return descriptor.name(index);
    }

    /** The index of the named column, or -1. */
    public int indexOf(String name) {
        return descriptor.indexOf(name);
    }

    public boolean isNull(int index) {
        checkIndex(index);
        return data.isNull(index);
    }

    public boolean isNull(String name) {
        return isNull(index(name));
    }

    /** The value as the column type's natural Java class (see docs/type-mapping.md); arrays as Java arrays ({@code Integer[]}). */
    public Object get(int index) {
        checkIndex(index);
        if (data.isNull(index)) {
            return null;
        }
        try {
            return descriptor.codec(index).decodeObject(data.array(), data.offset(index), data.length(index),
                    descriptor.binary(index));
        } catch (SQLException e) {
            throw new ValueConversionException(e);
        }
    }

    public Object get(String name) {
        return get(index(name));
    }

    /**
     * The value converted to {@code type}: boxed primitives, String, BigDecimal, byte[], UUID, java.time types,
     * Interval; for an array column any array class ({@code int[].class}) or {@code List.class}.
     */
    public <T> T get(int index, Class<T> type) {
        checkIndex(index);
        if (data.isNull(index)) {
            return null;
        }
        try {
            return descriptor.codec(index).decode(type, data.array(), data.offset(index), data.length(index),
                    descriptor.binary(index));
        } catch (SQLException e) {
            throw new ValueConversionException(e);
        }
    }

    public <T> T get(String name, Class<T> type) {
        return get(index(name), type);
    }

    /** The value as PostgreSQL would print it (timestamptz in the session's TimeZone, interval in its IntervalStyle). */
    public String getString(int index) {
        checkIndex(index);
        if (data.isNull(index)) {
            return null;
        }
        try {
            return descriptor.codec(index).decodeString(data.array(), data.offset(index), data.length(index),
                    descriptor.binary(index), descriptor.settings());
        } catch (SQLException e) {
            throw new ValueConversionException(e);
        }
    }

    public String getString(String name) {
        return getString(index(name));
    }

    public Integer getInteger(int index) {
        return get(index, Integer.class);
    }

    public Integer getInteger(String name) {
        return get(name, Integer.class);
    }

    public Long getLong(int index) {
        return get(index, Long.class);
    }

    public Long getLong(String name) {
        return get(name, Long.class);
    }

    public Double getDouble(int index) {
        return get(index, Double.class);
    }

    public Double getDouble(String name) {
        return get(name, Double.class);
    }

    public Boolean getBoolean(int index) {
        return get(index, Boolean.class);
    }

    public Boolean getBoolean(String name) {
        return get(name, Boolean.class);
    }

    public BigDecimal getBigDecimal(int index) {
        return get(index, BigDecimal.class);
    }

    public BigDecimal getBigDecimal(String name) {
        return get(name, BigDecimal.class);
    }

    public byte[] getBytes(int index) {
        return get(index, byte[].class);
    }

    public byte[] getBytes(String name) {
        return get(name, byte[].class);
    }

    public UUID getUuid(int index) {
        return get(index, UUID.class);
    }

    public UUID getUuid(String name) {
        return get(name, UUID.class);
    }

    public LocalDate getLocalDate(int index) {
        return get(index, LocalDate.class);
    }

    public LocalDateTime getLocalDateTime(int index) {
        return get(index, LocalDateTime.class);
    }

    public OffsetDateTime getOffsetDateTime(int index) {
        return get(index, OffsetDateTime.class);
    }

    private int index(String name) {
        int i = descriptor.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("column \"" + name + "\" is not in this row (columns: " + names() + ")");
        }
        return i;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= descriptor.size()) {
            throw new IndexOutOfBoundsException("column index: " + index + " (expected: 0.." + (descriptor.size() - 1) + ")");
        }
    }

    private String names() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < descriptor.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(descriptor.name(i));
        }
        return sb.toString();
    }

    /** {@code Row{id=1, name=Ada}}, values as PostgreSQL prints them. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Row{");
        for (int i = 0; i < descriptor.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(descriptor.name(i)).append('=');
            sb.append(data.isNull(i) ? "NULL" : getString(i));
        }
        return sb.append('}').toString();
    }
}
