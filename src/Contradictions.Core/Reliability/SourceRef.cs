using System.Text;

namespace Contradictions.Core.Reliability;

/// <summary>
/// A source as the reliability model sees it. Equality is by <see cref="Kind"/> and normalised <see cref="Key"/>,
/// so "https://www.BBC.co.uk/news" and "bbc.co.uk" are one outlet while <see cref="Name"/> keeps the display form.
/// </summary>
public sealed record SourceRef
{
    public SourceRef(string name, SourceKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Kind = kind;
        Key = Normalise(name, kind);
        if (Key.Length == 0) throw new ArgumentException($"Source name '{name}' normalises to nothing.", nameof(name));
        _hash = HashCode.Combine(Kind, Key);
    }

    // Computed once: the reliability index looks every assertion's source up in a dictionary.
    private readonly int _hash;

    public string Name { get; }
    public SourceKind Kind { get; }
    public string Key { get; }

    public static SourceRef Outlet(string name) => new(name, SourceKind.Outlet);

    public static SourceRef Speaker(string name) => new(name, SourceKind.Speaker);

    /// <summary>
    /// An anonymous class ("unnamed official") is kept per outlet: one outlet's unnamed officials can be
    /// reliable while another's are not, and pooling them would let one outlet's record vouch for another's.
    /// </summary>
    public static SourceRef AnonymousSpeaker(string description, string outlet) =>
        new($"{description.Trim()} (via {Normalise(outlet, SourceKind.Outlet)})", SourceKind.Speaker);

    public bool Equals(SourceRef? other) => other is not null && Kind == other.Kind && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override int GetHashCode() => _hash;

    public override string ToString() => $"{Name} ({Kind.ToString().ToLowerInvariant()})";

    /// <summary>Outlets: host name without scheme, "www." or path. Speakers: lower case, single spaces, no edge punctuation.</summary>
    public static string Normalise(string name, SourceKind kind)
    {
        var text = name.Trim().ToLowerInvariant();
        if (kind == SourceKind.Outlet)
        {
            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0) text = text[(scheme + 3)..];
            var slash = text.IndexOf('/');
            if (slash >= 0 && text.Contains('.')) text = text[..slash];
            if (text.StartsWith("www.", StringComparison.Ordinal)) text = text[4..];
            return text.TrimEnd('.');
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }

        return builder.ToString().Trim('"', '\'', '.', ',', ':', ';', '-', '“', '”', '‘', '’');
    }
}
