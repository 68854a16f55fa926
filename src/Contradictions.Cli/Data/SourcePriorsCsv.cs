using System.Globalization;
using Contradictions.Core.Reliability;
using CsvHelper;

namespace Contradictions.Cli.Data;

/// <summary>Reads <c>data/source-priors/golden_truth_dataset.csv</c> (<c>domain,reliability_label,newsguard_score,label_source</c>).</summary>
internal static class SourcePriorsCsv
{
    public const string DefaultRelativePath = "data/source-priors/golden_truth_dataset.csv";

    public static SourcePriors Read(string path)
    {
        using var csv = CsvReader.FromFile(path, CsvReaderOptions.Default with { TrackLineNumbers = true });
        if (!csv.Headers.Contains("domain") || !csv.Headers.Contains("reliability_label"))
            throw new InvalidDataException($"{path}:1: expected columns domain and reliability_label.");
        var labels = new List<KeyValuePair<string, SourcePriorLabel>>();
        while (csv.Read())
        {
            var domain = csv.GetString("domain").Trim();
            var text = csv.GetString("reliability_label").Trim();
            // The published file has one row without a domain (line 971); it rates nothing.
            if (domain.Length == 0) continue;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
                || !Enum.IsDefined(typeof(SourcePriorLabel), code))
                throw new InvalidDataException($"{path}:{csv.LineNumber}: reliability_label of '{domain}' must be 1, 0, -1 or -2, got '{text}'.");
            labels.Add(new(domain, (SourcePriorLabel)code));
        }

        return new SourcePriors(labels);
    }
}
