namespace Contradictions.Tests.Shared;

// Linked into each test project (one source, no shared test assembly to version).
/// <summary>Finds the repository root (the folder holding Contradictions.sln) from the test's output folder.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Contradictions.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Contradictions.sln not found above " + AppContext.BaseDirectory);
    }
}
