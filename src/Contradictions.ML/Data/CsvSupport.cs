using CsvHelper;

namespace Contradictions.ML.Data;

internal static class CsvSupport
{
    public static CsvReader Open(string path)
    {
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        var options = new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, AllowLineBreaksInQuotes = true };
        return CsvReader.FromFile(path, options);
    }

    /// <summary>Reads the header and checks the columns, naming the file when one is missing.</summary>
    public static Dictionary<string, int> RequireHeader(CsvReader csv, string path, params string[] columns)
    {
        IReadOnlyList<string> header;
        try
        {
            header = csv.Headers;
        }
        catch (CsvFormatException e)
        {
            throw new DataFormatException(path, 1, $"malformed header: {e.Message}");
        }
        if (header.Count == 0) throw new DataFormatException(path, 1, "file is empty; expected a header row");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++) index.TryAdd(header[i].Trim(), i);
        foreach (var column in columns)
        {
            if (!index.ContainsKey(column))
            {
                throw new DataFormatException(path, 1, $"missing column '{column}' (header: {string.Join(", ", header)})");
            }
        }
        return index;
    }

    /// <summary>The field, or a located error when the row is too short.</summary>
    public static string Field(CsvReader csv, string path, IReadOnlyDictionary<string, int> header, string column)
    {
        int i = header[column];
        if (i >= csv.FieldCount)
        {
            throw new DataFormatException(path, csv.LineNumber, $"row has no value for column '{column}'");
        }
        return csv.GetString(i);
    }

    /// <summary>
    /// Advances to the next row. Malformed quoting is reported with its line; with skip-bad-rows the file stops
    /// there (the reader cannot resynchronise after a broken quote) and what was read so far is kept.
    /// </summary>
    public static bool ReadRow(CsvReader csv, string path, bool skipBadRows, List<SkippedRow> skipped)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException e)
        {
            var error = new DataFormatException(path, csv.LineNumber, $"malformed CSV: {e.Message}");
            if (!skipBadRows) throw error;
            skipped.Add(new SkippedRow(error.File, error.Line, error.Problem + " (rest of file skipped)"));
            return false;
        }
    }

    public static string Truncate(string s) => s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 57), "...");
}
