using Contradictions.Core.Articles;

namespace Contradictions.Storage.Ingest;

/// <summary>A problem with one input: the file, the 1-based line when it is about one record, and what went wrong.</summary>
public sealed record IngestError(string File, int? Line, string Message)
{
    public override string ToString() => Line is int l ? $"{File}:{l}: {Message}" : $"{File}: {Message}";
}

/// <summary>One outcome of reading: an article (maybe with warnings, e.g. a Windows-1252 fallback) or an error.</summary>
public sealed record ReadResult(Article? Article, IngestError? Error, IReadOnlyList<IngestError> Warnings)
{
    public static ReadResult Ok(Article article, IReadOnlyList<IngestError>? warnings = null) => new(article, null, warnings ?? []);

    public static ReadResult Fail(string file, int? line, string message) => new(null, new IngestError(file, line, message), []);
}

/// <summary>Reader limits.</summary>
public sealed record ArticleReaderOptions
{
    /// <summary>Largest file read, in bytes. Default 50 MB; bigger files are rejected with an error (CLI: --max-file-mb).</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;
}
