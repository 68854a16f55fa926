using Microsoft.Data.Sqlite;

namespace Contradictions.Storage.Tests;

public class RawStatementTests
{
    private static SqliteConnection InMemory(string ddl)
    {
        var c = new SqliteConnection("Data Source=:memory:");
        c.Open();
        using var create = c.CreateCommand();
        create.CommandText = ddl;
        create.ExecuteNonQuery();
        return c;
    }

    [Fact]
    public void Values_round_trip_and_empty_text_is_not_null()
    {
        using var c = InMemory("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, r REAL, s TEXT)");
        using (var insert = new RawStatement(c, "INSERT INTO t(n, r, s) VALUES (?1, ?2, ?3)"))
        {
            insert.Bind(1, long.MaxValue).Bind(2, 0.25).Bind(3, "Зеленський «90%» — naïve").Execute();
            insert.Bind(1, 2).Bind(2, -1.5).Bind(3, "").Execute();
            insert.Bind(1, 3).Bind(2, 0).Bind(3, (string?)null).Execute();
            Assert.Equal(3, insert.LastInsertRowId);
        }
        using var find = new RawStatement(c, "SELECT id FROM t WHERE s = ?1");

        Assert.Equal(1, find.Bind(1, "Зеленський «90%» — naïve").ScalarInt64());
        Assert.Equal(2, find.Bind(1, "").ScalarInt64());
        Assert.Null(find.Bind(1, "absent").ScalarInt64());
        using var read = c.CreateCommand();
        read.CommandText = "SELECT n, r, s IS NULL FROM t ORDER BY id";
        using var r = read.ExecuteReader();
        var rows = new List<(long, double, long)>();
        while (r.Read()) rows.Add((r.GetInt64(0), r.GetDouble(1), r.GetInt64(2)));
        Assert.Equal([(long.MaxValue, 0.25, 0L), (2L, -1.5, 0L), (3L, 0.0, 1L)], rows);
    }

    [Fact]
    public void A_failing_row_throws_with_sqlites_message_and_the_statement_stays_usable()
    {
        using var c = InMemory("CREATE TABLE t (k TEXT NOT NULL UNIQUE)");
        using var insert = new RawStatement(c, "INSERT INTO t(k) VALUES (?1)");
        insert.Bind(1, "a").Execute();

        var e = Assert.Throws<SqliteException>(() => insert.Bind(1, "a").Execute());
        Assert.Contains("UNIQUE constraint failed: t.k", e.Message);
        insert.Bind(1, "b").Execute();
        Assert.Throws<SqliteException>(() => new RawStatement(c, "INSERT INTO missing VALUES (1)"));
    }
}
