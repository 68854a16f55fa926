using System.IO.Compression;

namespace Contradictions.ML.Model;

/// <summary>
/// The model file format: a zip with one binary entry written by the model, plus optional extra entries (ML.NET's
/// own saved transformers, for provenance). Written to a temporary file and moved, so a crash never leaves half
/// a model; entry times are fixed so the same model gives the same bytes.
/// </summary>
internal static class ModelZip
{
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(string path, string entryName, Action<BinaryWriter> write, IReadOnlyDictionary<string, byte[]>? extraEntries = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTime;
            using (var w = new BinaryWriter(entry.Open())) write(w);
            foreach (var (name, bytes) in extraEntries ?? new Dictionary<string, byte[]>())
            {
                var extra = zip.CreateEntry(name, CompressionLevel.Optimal);
                extra.LastWriteTime = FixedTime;
                using var s = extra.Open();
                s.Write(bytes);
            }
        }
        File.Move(temp, path, overwrite: true);
    }
}
