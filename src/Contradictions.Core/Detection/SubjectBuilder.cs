using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Contradictions.Core.Claims;
using Contradictions.Core.Text;

namespace Contradictions.Core.Detection;

/// <summary>
/// Builds <see cref="ClaimSubject"/>s: stems of the claim's content words (stop words and bare numbers dropped),
/// its normalised entity keys and its numbers, weighted by TF-IDF against <see cref="Statistics"/>, of which the
/// top <see cref="SubjectOptions.MaxTerms"/> stems are kept. Call <see cref="Learn(Claim)"/> for every claim
/// (before or while building) so the document frequencies reflect the corpus; statistics grow incrementally.
/// Not thread-safe.
/// </summary>
public sealed class SubjectBuilder
{
    /// <summary>Prefix of entity features in <see cref="ClaimSubject.Terms"/> and the index.</summary>
    public const string EntityPrefix = "e:";

    /// <summary>Prefix of number features in <see cref="ClaimSubject.Terms"/> and the index.</summary>
    public const string NumberPrefix = "n:";

    private readonly Dictionary<string, int> _termCounts = new(StringComparer.Ordinal);
    private readonly List<string> _features = [];
    private readonly TermPool _terms;
    private readonly List<WeightedTerm> _rankedStems = [];

    /// <param name="options">Default: <see cref="SubjectOptions"/>' defaults.</param>
    /// <param name="statistics">Default: empty statistics of this builder's own.</param>
    /// <param name="terms">
    /// Where the stems and features come from, one string per distinct term; give builders on several threads one
    /// pool so they share them (a scan does). Default: a pool of this builder's own.
    /// </param>
    public SubjectBuilder(SubjectOptions? options = null, TermStatistics? statistics = null, TermPool? terms = null)
    {
        Options = options ?? new SubjectOptions();
        Statistics = statistics ?? new TermStatistics();
        _terms = terms ?? new TermPool();
    }

    public SubjectOptions Options { get; }

    public TermStatistics Statistics { get; }

    /// <summary>Counts the claim's features (stems, entity and number keys) as one document.</summary>
    public void Learn(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        FillFeatures(claim);
        Statistics.AddDocument(_features);
    }

    /// <summary>
    /// The features <see cref="Learn(Claim)"/> counts for a claim, as a new array. With one builder per thread the
    /// features of many claims can be computed in parallel and then counted in order with
    /// <see cref="TermStatistics.AddDocument"/>, which gives the same statistics as learning them one by one.
    /// </summary>
    public string[] DocumentFeatures(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        FillFeatures(claim);
        return [.. _features];
    }

    /// <summary>
    /// The claim's stem counts and the features <see cref="Learn(Claim)"/> counts, computed once: a scan counts the
    /// features of every claim and then builds every subject from the same stems (<see cref="Build(long, string, Claim, ClaimTerms)"/>).
    /// </summary>
    public ClaimTerms Terms(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        FillFeatures(claim);
        return new ClaimTerms([.. _termCounts], [.. _features]);
    }

    private void FillFeatures(Claim claim)
    {
        _features.Clear();
        CountStems(claim.Text);
        _features.AddRange(_termCounts.Keys);
        foreach (var e in EntityKeys(claim)) _features.Add(_terms.Get(EntityPrefix, e));
        foreach (var n in NumberKeys(claim)) _features.Add(_terms.Get(NumberPrefix, n));
    }

    public void Learn(IEnumerable<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        foreach (var c in claims) Learn(c);
    }

    public ClaimSubject Build(long claimId, string articleKey, Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        CountStems(claim.Text);
        return Build(claimId, articleKey, claim, [.. _termCounts]);
    }

    /// <summary>As <see cref="Build(long, string, Claim)"/>, from the claim's <see cref="Terms"/>.</summary>
    public ClaimSubject Build(long claimId, string articleKey, Claim claim, ClaimTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var prefixed = terms.Features.Length >= terms.StemCounts.Length ? terms.Features.AsSpan(terms.StemCounts.Length) : default;
        return Build(claimId, articleKey, claim, terms.StemCounts, prefixed);
    }

    /// <param name="prefixed">
    /// The claim's entity and then number features, when known (<see cref="ClaimTerms.Features"/> after its stems):
    /// each taken as it is when it spells the key it stands for, instead of looked up in the pool again (terms counted
    /// by a builder with other limits may hold other keys).
    /// </param>
    private ClaimSubject Build(long claimId, string articleKey, Claim claim, KeyValuePair<string, int>[] stemCounts, ReadOnlySpan<string> prefixed = default)
    {
        ArgumentNullException.ThrowIfNull(articleKey);
        ArgumentNullException.ThrowIfNull(claim);

        // Only the top stems are kept: the builder's own list ranks them (a builder is not shared between threads).
        var stems = _rankedStems;
        stems.Clear();
        foreach (var (stem, count) in stemCounts)
        {
            stems.Add(new WeightedTerm(stem, (1f + MathF.Log(count)) * Statistics.InverseDocumentFrequency(stem)));
        }
        stems.Sort(ByWeightThenTerm);
        if (stems.Count > Options.MaxTerms) stems.RemoveRange(Options.MaxTerms, stems.Count - Options.MaxTerms);

        var entities = EntityKeys(claim);
        var numbers = NumberKeys(claim);
        var terms = new List<WeightedTerm>(stems.Count + entities.Count + numbers.Count);
        terms.AddRange(stems);
        for (int i = 0; i < entities.Count; i++)
        {
            var f = Feature(prefixed, i, EntityPrefix, entities[i]);
            terms.Add(new WeightedTerm(f, Options.EntityBoost * Statistics.InverseDocumentFrequency(f)));
        }
        for (int i = 0; i < numbers.Count; i++)
        {
            var f = Feature(prefixed, entities.Count + i, NumberPrefix, numbers[i]);
            terms.Add(new WeightedTerm(f, Options.NumberBoost * Statistics.InverseDocumentFrequency(f)));
        }

        double norm = 0;
        foreach (var t in terms) norm += (double)t.Weight * t.Weight;
        if (norm > 0)
        {
            float inv = (float)(1 / Math.Sqrt(norm));
            for (int i = 0; i < terms.Count; i++) terms[i] = terms[i] with { Weight = terms[i].Weight * inv };
        }
        terms.Sort(ByWeightThenTerm);

        var speaker = claim.Speaker?.Key;
        return new ClaimSubject(claimId, articleKey, string.IsNullOrEmpty(speaker) ? null : speaker,
            entities, terms, numbers);
    }

    private string Feature(ReadOnlySpan<string> known, int at, string prefix, string key)
    {
        if (at < known.Length)
        {
            var f = known[at];
            if (f.Length == prefix.Length + key.Length && f.StartsWith(prefix, StringComparison.Ordinal) && f.EndsWith(key, StringComparison.Ordinal)) return f;
        }
        return _terms.Get(prefix, key);
    }

    /// <summary>The canonical text of a number: its value (invariant culture) and unit, e.g. "90%", "30day".</summary>
    public static string NumberKey(NumberMention number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.Value.ToString("R", CultureInfo.InvariantCulture) + (number.Unit ?? "");
    }

    private static int ByWeightThenTerm(WeightedTerm a, WeightedTerm b)
    {
        int c = b.Weight.CompareTo(a.Weight);
        return c != 0 ? c : string.CompareOrdinal(a.Term, b.Term);
    }

    // Tokens and stems are read as spans; a stem's string comes from the pool when the claim has it first.
    private void CountStems(string text)
    {
        _termCounts.Clear();
        var counts = _termCounts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> stemBuffer = stackalloc char[64];
        foreach (var token in Tokenizer.Enumerate(text, stackalloc char[64]))
        {
            if (!char.IsLetter(token[0]) || (Lexicons.Of(token) & WordLists.Stop) != 0) continue;
            var stem = Stemmer.Stem(token, stemBuffer);
            if (stem.Length < Options.MinTermLength || (Lexicons.Of(stem) & WordLists.Stop) != 0) continue;
            ref int count = ref CollectionsMarshal.GetValueRefOrNullRef(counts, stem);
            if (!Unsafe.IsNullRef(ref count)) count++;
            else _termCounts.Add(_terms.Get(stem), 1);
        }
    }

    private List<string> EntityKeys(Claim claim)
    {
        var keys = new List<string>(Math.Min(claim.Entities.Count, Options.MaxEntities));
        foreach (var e in claim.Entities)
        {
            if (keys.Count >= Options.MaxEntities) break;
            if (string.IsNullOrWhiteSpace(e.Key) || keys.Contains(e.Key)) continue;
            keys.Add(e.Key);
        }
        return keys;
    }

    private List<string> NumberKeys(Claim claim)
    {
        var keys = new List<string>(Math.Min(claim.Numbers.Count, Options.MaxNumbers));
        foreach (var n in claim.Numbers)
        {
            if (keys.Count >= Options.MaxNumbers) break;
            var key = NumberKey(n);
            if (!keys.Contains(key)) keys.Add(key);
        }
        return keys;
    }
}

/// <summary>A claim's content stems with their counts, and the features its document adds to <see cref="TermStatistics"/>.</summary>
public sealed record ClaimTerms(KeyValuePair<string, int>[] StemCounts, string[] Features);
