using System.Globalization;
using Contradictions.Core.Reliability.Veracity;
using CsvHelper;

namespace Contradictions.Cli.Data;

/// <summary>Reads and writes Emergent-format files (<c>claimId, claimHeadline, claimTruth, articleId, articleHeadline, articleHeadlineStance, url, source</c>).</summary>
internal static class EmergentCsv
{
    private static readonly string[] Required = ["claimId", "claimHeadline", "claimTruth", "articleId", "articleHeadline", "articleHeadlineStance", "url", "source"];

    /// <summary>Reads every row; an empty <c>claimTruth</c> means unlabelled. Malformed rows fail with file and line.</summary>
    public static IReadOnlyList<EmergentArticle> Read(string path)
    {
        var options = CsvReaderOptions.Default with { TrackLineNumbers = true, FieldCountMismatch = CsvFieldCountHandling.Throw };
        using var csv = CsvReader.FromFile(path, options);
        var rows = new List<EmergentArticle>();
        long line = 1;
        try
        {
            var missing = Required.Where(h => !csv.Headers.Contains(h, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
                throw new InvalidDataException($"{path}:1: missing column(s) {string.Join(", ", missing)}; expected {string.Join(",", Required)}.");

            while (csv.Read())
            {
                line = csv.LineNumber;
                var claimId = csv.GetString("claimId").Trim();
                if (claimId.Length == 0) throw new InvalidDataException($"{path}:{line}: empty claimId.");
                var truthText = csv.GetString("claimTruth");
                Veracity? truth = null;
                if (!string.IsNullOrWhiteSpace(truthText))
                {
                    if (!VeracityNames.TryParse(truthText, out var parsed))
                        throw new InvalidDataException($"{path}:{line}: claimTruth '{truthText}' is not true, false or unknown.");
                    truth = parsed;
                }

                var stanceText = csv.GetString("articleHeadlineStance");
                if (!HeadlineStanceNames.TryParse(stanceText, out var stance))
                    throw new InvalidDataException($"{path}:{line}: articleHeadlineStance '{stanceText}' is not for, against or observing.");
                var source = csv.GetString("source").Trim();
                if (source.Length == 0) throw new InvalidDataException($"{path}:{line}: empty source.");

                rows.Add(new EmergentArticle(claimId, csv.GetString("claimHeadline"), truth, csv.GetString("articleId").Trim(),
                    csv.GetString("articleHeadline"), stance, csv.GetString("url"), source));
            }
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"{path}: malformed CSV after line {line}: {e.Message}", e);
        }

        if (rows.Count == 0) throw new InvalidDataException($"{path}: no rows.");
        return rows;
    }

    /// <summary>Writes every article row (used to split a file into training and test parts).</summary>
    public static void Write(string path, IEnumerable<EmergentArticle> articles)
    {
        using var csv = CsvWriter.ToFile(path);
        foreach (var header in Required) csv.WriteField(header);
        csv.EndRecord();
        foreach (var a in articles)
        {
            csv.WriteField(a.ClaimId);
            csv.WriteField(a.ClaimHeadline);
            csv.WriteField(a.ClaimTruth?.ToLabel() ?? "");
            csv.WriteField(a.ArticleId);
            csv.WriteField(a.ArticleHeadline);
            csv.WriteField(a.Stance.ToString().ToLowerInvariant());
            csv.WriteField(a.Url);
            csv.WriteField(a.Source);
            csv.EndRecord();
        }
    }

    /// <summary>Writes <c>claimId,claimTruth,confidence</c> rows.</summary>
    public static void WritePredictions(string path, IEnumerable<VeracityPrediction> predictions)
    {
        using var csv = CsvWriter.ToFile(path);
        csv.WriteField("claimId");
        csv.WriteField("claimTruth");
        csv.WriteField("confidence");
        csv.EndRecord();
        foreach (var p in predictions)
        {
            csv.WriteField(p.ClaimId);
            csv.WriteField(p.Predicted.ToLabel());
            csv.WriteField(p.Confidence.ToString("0.####", CultureInfo.InvariantCulture));
            csv.EndRecord();
        }
    }
}
