using Contradictions.Core.Claims;

namespace Contradictions.Storage.Ingest;

/// <summary>Totals of one ingest run.</summary>
public sealed record IngestSummary(int Added, int AlreadyStored, int Failed, int Claims, IReadOnlyList<IngestError> Errors, IReadOnlyList<IngestError> Warnings);

/// <summary>
/// Reads paths, extracts claims and stores each article in its own transaction. A failing file, record or
/// article is reported and skipped; everything else is stored.
/// </summary>
public static class Ingestor
{
    public static IngestSummary Run(ClaimStore store, IEnumerable<string> paths, ArticleReaderOptions? options = null, Action<ReadResult>? progress = null)
    {
        int added = 0, already = 0, failed = 0, claims = 0;
        var errors = new List<IngestError>();
        var warnings = new List<IngestError>();
        foreach (var result in ArticleReader.ReadPaths(paths, options))
        {
            progress?.Invoke(result);
            warnings.AddRange(result.Warnings);
            if (result.Article is not { } article)
            {
                failed++;
                errors.Add(result.Error!);
                continue;
            }
            try
            {
                var extracted = ClaimExtractor.Extract(article);
                var stored = store.Store(article, extracted);
                if (stored.Outcome == StoreOutcome.Added)
                {
                    added++;
                    claims += extracted.Count;
                }
                else
                {
                    already++;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failed++;
                errors.Add(new IngestError(article.SourceName ?? article.Id, null, "could not store: " + e.Message));
            }
        }
        return new IngestSummary(added, already, failed, claims, errors, warnings);
    }
}
