using System.Globalization;
using Contradictions.Core.Stance;

namespace Contradictions.ML.Data;

/// <summary>
/// Loads FNC-1 format data: a stances file (<c>Headline, Body ID, Stance</c>) and a bodies file
/// (<c>Body ID, articleBody</c>, quoted and multi-line). Stance may be absent (unlabelled test files)
/// only when <paramref name="requireLabels"/> is false.
/// </summary>
public static class FncLoader
{
    public static IReadOnlyDictionary<string, string> LoadBodies(string path, bool skipBadRows, List<SkippedRow> skipped)
    {
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        using var csv = CsvSupport.Open(path);
        var header = CsvSupport.RequireHeader(csv, path, "Body ID", "articleBody");
        while (CsvSupport.ReadRow(csv, path, skipBadRows, skipped))
        {
            try
            {
                var id = CsvSupport.Field(csv, path, header, "Body ID").Trim();
                var body = CsvSupport.Field(csv, path, header, "articleBody");
                if (!int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    throw new DataFormatException(path, csv.LineNumber, $"Body ID '{CsvSupport.Truncate(id)}' is not an integer");
                }
                if (!bodies.TryAdd(id, body))
                {
                    throw new DataFormatException(path, csv.LineNumber, $"duplicate Body ID {id}");
                }
            }
            catch (DataFormatException e) when (skipBadRows)
            {
                skipped.Add(new SkippedRow(e.File, e.Line, e.Problem));
            }
        }
        return bodies;
    }

    /// <param name="passagePrefix">Prefixed to Body IDs to keep passage ids apart when several corpora are combined.</param>
    public static LoadedPairs Load(string stancesPath, string bodiesPath, bool skipBadRows = false, bool requireLabels = true, string passagePrefix = "")
    {
        var skipped = new List<SkippedRow>();
        var bodies = LoadBodies(bodiesPath, skipBadRows, skipped);
        var pairs = new List<LabeledPair>();
        using var csv = CsvSupport.Open(stancesPath);
        var header = CsvSupport.RequireHeader(csv, stancesPath, requireLabels ? ["Headline", "Body ID", "Stance"] : ["Headline", "Body ID"]);
        bool hasStance = header.ContainsKey("Stance");
        while (CsvSupport.ReadRow(csv, stancesPath, skipBadRows, skipped))
        {
            try
            {
                var headline = CsvSupport.Field(csv, stancesPath, header, "Headline");
                var id = CsvSupport.Field(csv, stancesPath, header, "Body ID").Trim();
                if (!bodies.TryGetValue(id, out var body))
                {
                    throw new DataFormatException(stancesPath, csv.LineNumber, $"Body ID {CsvSupport.Truncate(id)} is not in {bodiesPath}");
                }
                var label = Stance.Unrelated;
                if (hasStance)
                {
                    var text = CsvSupport.Field(csv, stancesPath, header, "Stance");
                    if (!StanceNames.TryParse(text, out label))
                    {
                        throw new DataFormatException(stancesPath, csv.LineNumber,
                            $"unknown stance '{CsvSupport.Truncate(text)}' (expected agree, disagree, discuss or unrelated)");
                    }
                }
                pairs.Add(new LabeledPair(headline, passagePrefix + id, body, label));
            }
            catch (DataFormatException e) when (skipBadRows)
            {
                skipped.Add(new SkippedRow(e.File, e.Line, e.Problem));
            }
        }
        return new LoadedPairs(pairs, skipped);
    }

    /// <summary>Reads the ids of a split file (one Body ID a line).</summary>
    public static IReadOnlySet<string> LoadIds(string path)
    {
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int line = 0;
        foreach (var raw in System.IO.File.ReadLines(path))
        {
            line++;
            var id = raw.Trim();
            if (id.Length == 0) continue;
            if (!int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                throw new DataFormatException(path, line, $"'{CsvSupport.Truncate(id)}' is not a Body ID");
            }
            ids.Add(id);
        }
        return ids;
    }
}
