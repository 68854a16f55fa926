using System.Security.Cryptography;
using System.Text;
using Contradictions.Storage;
using CsvHelper;

namespace Contradictions.Cli.Data;

/// <summary>Reviewed pairs as the <c>claim,passage,label</c> CSV that <c>export-training</c> writes.</summary>
internal static class ReviewCsv
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static string ToText(IReadOnlyList<TrainingRow> rows)
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), true))
        {
            csv.WriteField("claim");
            csv.WriteField("passage");
            csv.WriteField("label");
            csv.EndRecord();
            foreach (var r in rows)
            {
                csv.WriteField(r.Claim);
                csv.WriteField(r.Passage);
                csv.WriteField(r.Label);
                csv.EndRecord();
            }
        }
        return text.ToString();
    }

    /// <summary>SHA-256 of the rows exactly as <c>export-training</c> would write them, so a card can be matched to the file.</summary>
    public static string Sha256(IReadOnlyList<TrainingRow> rows) => Convert.ToHexStringLower(SHA256.HashData(Utf8.GetBytes(ToText(rows))));
}
