using System.Security.Cryptography;
using System.Text;

namespace Contradictions.Core.Articles;

/// <summary>
/// One news article as read from a source. <see cref="Text"/> is the original text (claim spans point into it);
/// <see cref="ContentHash"/> is the SHA-256 of that text, so the same content from two files is one article.
/// </summary>
public sealed record Article
{
    public Article(string id, string text)
    {
        Id = id;
        Text = text;
        ContentHash = ComputeHash(text);
    }

    /// <summary>File name or the input's own id.</summary>
    public string Id { get; init; }

    public string Text { get; }

    public string ContentHash { get; }

    public string? Url { get; init; }

    public string? Outlet { get; init; }

    public DateOnly? Published { get; init; }

    public string? Title { get; init; }

    /// <summary>Where the article was read from (path, "file.jsonl:12"), for messages and lookups.</summary>
    public string? SourceName { get; init; }

    public static string ComputeHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The UTF-8 bytes a few thousand characters at a time, never the whole text at once: every article read is
        // hashed, and its bytes were a copy of the text that lived only for this.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Room for a chunk and a high surrogate held over from the chunk before (GetMaxByteCount counts it).
        Span<byte> bytes = stackalloc byte[MaxChunkBytes];
        var encoder = Encoding.UTF8.GetEncoder();
        var rest = text.AsSpan();
        do
        {
            var chunk = rest[..Math.Min(HashChunk, rest.Length)];
            rest = rest[chunk.Length..];
            // Flushed with the last chunk only: a surrogate pair cut between chunks is encoded whole.
            int written = encoder.GetBytes(chunk, bytes, flush: rest.IsEmpty);
            sha.AppendData(bytes[..written]);
        }
        while (!rest.IsEmpty);
        Span<byte> hash = stackalloc byte[32];
        sha.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }

    private const int HashChunk = 2_048;
    private static readonly int MaxChunkBytes = Encoding.UTF8.GetMaxByteCount(HashChunk);
}
