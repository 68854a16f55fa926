using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Contradictions.ML.Data;

internal static class CsvSupport
{
    public static CsvReader Open(string path, out StreamReader reader)
    {
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        string file = path;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // A bad quote is reported with its line instead of being silently repaired.
            BadDataFound = args => throw new DataFormatException(file, args.Context.Parser?.RawRow ?? 0, $"malformed field: {Truncate(args.Field)}"),
            MissingFieldFound = null,
            TrimOptions = TrimOptions.None,
        };
        return new CsvReader(reader, config);
    }

    /// <summary>Reads the header and checks the columns, naming the file when one is missing.</summary>
    public static void RequireHeader(CsvReader csv, string path, params string[] columns)
    {
        if (!csv.Read()) throw new DataFormatException(path, 1, "file is empty; expected a header row");
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? [];
        foreach (var column in columns)
        {
            if (!header.Contains(column, StringComparer.Ordinal))
            {
                throw new DataFormatException(path, 1, $"missing column '{column}' (header: {string.Join(", ", header)})");
            }
        }
    }

    /// <summary>The field, or a located error when the row is too short.</summary>
    public static string Field(CsvReader csv, string path, string column)
    {
        if (!csv.TryGetField<string>(column, out var value) || value is null)
        {
            throw new DataFormatException(path, csv.Parser.RawRow, $"row has no value for column '{column}'");
        }
        return value;
    }

    public static string Truncate(string s) => s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 57), "...");
}
