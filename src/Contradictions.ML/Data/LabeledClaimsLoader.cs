using Contradictions.Core.Stance;

namespace Contradictions.ML.Data;

/// <summary>Loads a generic labelled-claims CSV: <c>claim, passage, label</c> (label: agree/disagree/discuss/unrelated).</summary>
public static class LabeledClaimsLoader
{
    public static LoadedPairs Load(string path, bool skipBadRows = false)
    {
        var skipped = new List<SkippedRow>();
        var pairs = new List<LabeledPair>();
        using var csv = CsvSupport.Open(path);
        var header = CsvSupport.RequireHeader(csv, path, "claim", "passage", "label");
        var passageIds = new Dictionary<string, string>(StringComparer.Ordinal);
        while (CsvSupport.ReadRow(csv, path, skipBadRows, skipped))
        {
            try
            {
                var claim = CsvSupport.Field(csv, path, header, "claim");
                var passage = CsvSupport.Field(csv, path, header, "passage");
                var text = CsvSupport.Field(csv, path, header, "label");
                if (!StanceNames.TryParse(text, out var label))
                {
                    throw new DataFormatException(path, csv.LineNumber,
                        $"unknown label '{CsvSupport.Truncate(text)}' (expected agree, disagree, discuss or unrelated)");
                }
                if (!passageIds.TryGetValue(passage, out var id))
                {
                    id = $"{Path.GetFileName(path)}#{passageIds.Count}";
                    passageIds[passage] = id;
                }
                pairs.Add(new LabeledPair(claim, id, passage, label));
            }
            catch (DataFormatException e) when (skipBadRows)
            {
                skipped.Add(new SkippedRow(e.File, e.Line, e.Problem));
            }
        }
        return new LoadedPairs(pairs, skipped);
    }
}
