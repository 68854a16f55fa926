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
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash);
    }
}
