namespace Contradictions.Benchmarks;

internal static class RepoPaths
{
    public static string Of(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Contradictions.sln"))) return Path.Combine([dir.FullName, .. parts]);
        }
        // BenchmarkDotNet runs the benchmark from a generated folder under the repo, but fall back to the working folder.
        return Path.Combine([Environment.CurrentDirectory, .. parts]);
    }
}
