using System.Globalization;
using Contradictions.Core.Reliability;
using CsvHelper;

namespace Contradictions.Storage.Reliability;

/// <summary>
/// Reads <c>data/source-priors/golden_truth_dataset.csv</c> (<c>domain,reliability_label,newsguard_score,label_source</c>)
/// and finds it: the path given, else that relative path in the working folder, else the copy next to the program.
/// </summary>
public static class SourcePriorsFile
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

    /// <summary>
    /// The priors file to use: <paramref name="path"/> when given (it must exist), else the default file in the
    /// working folder, else the copy shipped next to the program; null when there is none.
    /// </summary>
    public static string? Resolve(string? path)
    {
        if (!string.IsNullOrWhiteSpace(path))
            return File.Exists(path) ? path : throw new FileNotFoundException($"{path}: no such priors file");
        if (File.Exists(DefaultRelativePath)) return DefaultRelativePath;
        var installed = Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);
        return File.Exists(installed) ? installed : null;
    }

    /// <summary>The priors from <see cref="Resolve"/>, or <see cref="SourcePriors.Empty"/> when no file is found.</summary>
    public static SourcePriors Load(string? path) => Resolve(path) is { } found ? Read(found) : SourcePriors.Empty;
}
