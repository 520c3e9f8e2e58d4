package io.tusk.jdbc;

import io.tusk.internal.codec.Codec;
import io.tusk.internal.codec.CodecRegistry;
import io.tusk.internal.error.SqlStates;
import java.sql.ParameterMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;

/**
 * The parameters of a prepared statement, with the types the server inferred (ParameterDescription).
 * The server says nothing about nullability or size of a parameter, so those are "unknown" and 0.
 */
final class JdbcParameterMetaData implements ParameterMetaData {
    private final int[] oids;
    private final Codec[] codecs;

    /** @param oids the parameter types from ParameterDescription, in order */
    JdbcParameterMetaData(int[] oids, CodecRegistry registry) {
        this.oids = oids.clone();
        this.codecs = new Codec[oids.length];
        for (int i = 0; i < oids.length; i++) {
            codecs[i] = registry.forOid(oids[i]);
        }
    }

    @Override
    public int getParameterCount() {
        return oids.length;
    }

    @Override
    public int isNullable(int param) throws SQLException {
        check(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        return JdbcTypes.isSigned(oids[check(param)]);
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        check(param);
        return 0;
    }

    @Override
    public int getScale(int param) throws SQLException {
        check(param);
        return 0;
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        int i = check(param);
        return JdbcTypes.sqlType(oids[i], codecs[i].typeName());
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        return codecs[check(param)].typeName();
    }

    /** The class whose instances map to the type without conversion; what getObject would return for it. */
    @Override
    public String getParameterClassName(int param) throws SQLException {
        return JdbcTypes.jdbcClass(codecs[check(param)].javaType()).getName();
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        check(param);
        return parameterModeIn;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("cannot unwrap to " + iface.getName() + " (expected: ParameterMetaData)",
                SqlStates.INVALID_PARAMETER_VALUE);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    private int check(int param) throws SQLException {
        if (param < 1 || param > oids.length) {
            throw new SQLDataException("parameter index: " + param + " (expected: 1.." + oids.length + ")",
                    SqlStates.INVALID_PARAMETER_VALUE);
        }
        return param - 1;
    }
}
