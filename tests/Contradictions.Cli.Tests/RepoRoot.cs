namespace Contradictions.Cli.Tests;

internal static class RepoRoot
{
    /// <summary>The directory holding Contradictions.sln, found by walking up from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Contradictions.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Contradictions.sln not found above " + AppContext.BaseDirectory);
    }
}
