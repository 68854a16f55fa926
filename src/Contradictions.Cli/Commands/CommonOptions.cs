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
}

/// <summary>Process exit codes shared by all commands.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Some inputs failed; the rest were processed.</summary>
    public const int PartialFailure = 1;
    public const int Usage = 2;
}
