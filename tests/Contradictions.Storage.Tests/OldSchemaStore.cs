using Microsoft.Data.Sqlite;

namespace Contradictions.Storage.Tests;

/// <summary>Database files as an older build left them, to test that opening a store migrates them.</summary>
internal static class OldSchemaStore
{
    /// <summary>A file at schema <paramref name="version"/> (its first migrations applied and recorded), then <paramref name="rows"/>.</summary>
    public static void Create(string path, int version, string rows = "")
    {
        var recorded = version == 0 ? "" :
            "INSERT INTO schema_version VALUES " + string.Join(", ", Enumerable.Range(1, version).Select(v => $"({v}, 'x')")) + ";";
        Execute(path, "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL);" +
            string.Concat(Schema.Migrations.Take(version)) + recorded + rows);
    }

    /// <summary>Plain SQL on the file, outside any store (no pooled connection is left open).</summary>
    public static void Execute(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
