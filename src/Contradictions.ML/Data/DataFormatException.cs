namespace Contradictions.ML.Data;

/// <summary>A problem in an input file, located by file and 1-based line.</summary>
public sealed class DataFormatException(string file, long line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Problem { get; } = problem;
}

/// <summary>A row that was skipped because of <see cref="DataFormatException"/>-style trouble.</summary>
public sealed record SkippedRow(string File, long Line, string Problem)
{
    public override string ToString() => $"{File}:{Line}: {Problem}";
}
