using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Contradictions.Storage;

/// <summary>
/// One prepared statement driven straight through SQLitePCL: bind, step, reset. For the few inserts a scan makes
/// tens of thousands of times (claims, their links and entities, flags), where ADO.NET's command, reader and
/// parameter objects cost more than SQLite's own work. Runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt stmt;

    public RawStatement(SqliteConnection connection, string sql)
    {
        db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(db, sql, out stmt));
    }

    public RawStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(stmt, index, value));
        return this;
    }

    public RawStatement Bind(int index, long? value)
    {
        Check(value is { } v ? raw.sqlite3_bind_int64(stmt, index, v) : raw.sqlite3_bind_null(stmt, index));
        return this;
    }

    public RawStatement Bind(int index, double value)
    {
        Check(raw.sqlite3_bind_double(stmt, index, value));
        return this;
    }

    public RawStatement Bind(int index, string? value)
    {
        // An empty span binds a null pointer, which SQLite stores as NULL: bind "" as a (terminated) UTF-8 string.
        Check(value switch
        {
            null => raw.sqlite3_bind_null(stmt, index),
            "" => raw.sqlite3_bind_text(stmt, index, ""),
            _ => raw.sqlite3_bind_text16(stmt, index, value.AsSpan()),
        });
        return this;
    }

    /// <summary>Binds UTF-8 bytes as text, stored as <see cref="Bind(int, string)"/> stores the same text.</summary>
    public RawStatement BindUtf8(int index, ReadOnlySpan<byte> utf8)
    {
        Check(utf8.IsEmpty ? raw.sqlite3_bind_text(stmt, index, "") : raw.sqlite3_bind_text(stmt, index, utf8));
        return this;
    }

    /// <summary>Runs the statement to completion (an insert or update) and readies it for the next row.</summary>
    public void Execute() => Step(static _ => true, false);

    /// <summary>The first column of the first row as an integer, or null when there is no row.</summary>
    public long? ScalarInt64() => Step<long?>(static s => raw.sqlite3_column_int64(s, 0), null);

    /// <summary>The first column of the first row as bytes, or null when there is no row.</summary>
    public byte[]? ScalarBlob() => Step(static s => raw.sqlite3_column_blob(s, 0).ToArray(), null);

    /// <summary>One step: the first row read by <paramref name="read"/> (else <paramref name="none"/>), then reset, then any error thrown.</summary>
    private T Step<T>(Func<sqlite3_stmt, T> read, T none)
    {
        int rc = raw.sqlite3_step(stmt);
        T value = rc == raw.SQLITE_ROW ? read(stmt) : none;
        raw.sqlite3_reset(stmt);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) Check(rc);
        return value;
    }

    public RawStatement Bind(int index, byte[] value)
    {
        Check(raw.sqlite3_bind_blob(stmt, index, value));
        return this;
    }

    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(db);

    public void Dispose() => stmt.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }
}
