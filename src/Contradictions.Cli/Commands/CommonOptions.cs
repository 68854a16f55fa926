using System.CommandLine;

namespace Contradictions.Cli.Commands;

/// <summary>Options shared by every command that touches the database (ingest, claims, and later scan/flags/sources).</summary>
internal static class CommonOptions
{
    public const string DbEnvironmentVariable = "CONTRADICTIONS_DB";
    public const string DefaultDbFile = "contradictions.db";

    /// <summary>A new --db option (System.CommandLine options cannot be shared between commands).</summary>
    public static Option<string?> Db() => new("--db")
    {
        Description = $"SQLite database file. Default: ${DbEnvironmentVariable}, else ./{DefaultDbFile}",
    };

    /// <summary>--db if given, else $CONTRADICTIONS_DB, else contradictions.db in the working folder.</summary>
    public static string ResolveDbPath(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option)) return option;
        var env = Environment.GetEnvironmentVariable(DbEnvironmentVariable);
        return string.IsNullOrWhiteSpace(env) ? DefaultDbFile : env;
    }

    /// <summary>
    /// The resolved database path for commands that only read what a scan stored; null (after saying so on stderr)
    /// when there is no such file, so they never create an empty store.
    /// </summary>
    public static string? ExistingDbPath(string? option)
    {
        var path = ResolveDbPath(option);
        if (File.Exists(path)) return path;
        Console.Error.WriteLine($"error: {path}: no database (run 'contradictions scan <paths>' first)");
        return null;
    }
}

/// <summary>Process exit codes shared by all commands.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Some inputs failed; the rest were processed.</summary>
    public const int PartialFailure = 1;
    public const int Usage = 2;
}
