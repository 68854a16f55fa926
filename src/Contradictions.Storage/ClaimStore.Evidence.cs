using System.Globalization;
using Contradictions.Core.Detection;

namespace Contradictions.Storage;

/// <summary>
/// An article's identity, provenance and date without its text: what source reliability and detection need of it (both
/// read every stored article, and reading each text back, and hashing it again, cost more than the rest).
/// </summary>
public sealed record ArticleHead(long RowId, string Key, string? SourceName, string? Url, string? Outlet, DateOnly? Published = null)
{
    /// <summary>The article as reports name it: the file name if it was read from a file still there, else its id.</summary>
    public string Label() => SourceName is { } s && File.Exists(s) ? Path.GetFileName(s) : Key;
}

/// <summary>
/// Where the store stands (<see cref="ClaimStore.ChangeStamp"/>): <see cref="Content"/> covers claims, origins,
/// restatements and flags; <see cref="LastVerdict"/> is the newest verdict id (verdicts are only ever added).
/// </summary>
public readonly record struct StoreStamp(string Content, long LastVerdict);

/// <summary>A flag's pair, kind and confidence without its explanation and stance probabilities.</summary>
public sealed record FlagHead(long Id, long ClaimA, long ClaimB, float Confidence, FlagKind Kind);

/// <summary>
/// Lean reads for source reliability, which reads the whole store every time it is computed: no article text (nor
/// its hash), no claim payload, no flag explanations. On 100k claims and flags the full reads cost seconds of JSON
/// parsing that reliability never uses.
/// </summary>
public sealed partial class ClaimStore
{
    public IReadOnlyList<ArticleHead> ArticleHeads()
    {
        using var cmd = Command("SELECT id, article_key, source_name, url, outlet, published FROM articles ORDER BY id");
        using var r = cmd.ExecuteReader();
        var list = new List<ArticleHead>();
        while (r.Read())
        {
            list.Add(new ArticleHead(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.IsDBNull(5) ? null : DateOnly.ParseExact(r.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        return list;
    }

    /// <summary>Every stored claim with its text, polarity, span and chain, in article then ordinal order; quotes, numbers, dates and entities are left empty.</summary>
    public IReadOnlyList<StoredClaim> AllClaimsWithoutPayload() => ReadClaims(string.Empty, null, payload: false);

    /// <summary>Every stored flag, most confident first (as <see cref="Flags"/>), without explanation and stance.</summary>
    public IReadOnlyList<FlagHead> FlagHeads()
    {
        using var cmd = Command("SELECT id, claim_a, claim_b, confidence, kind FROM flags ORDER BY confidence DESC, id");
        using var r = cmd.ExecuteReader();
        var list = new List<FlagHead>();
        while (r.Read()) list.Add(new FlagHead(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), (float)r.GetDouble(3), Enum.Parse<FlagKind>(r.GetString(4))));
        return list;
    }
}
