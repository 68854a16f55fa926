namespace Contradictions.Storage;

/// <summary>A reviewed pair as a stance training row: <c>claim,passage,label</c>.</summary>
public sealed record TrainingRow(long FlagId, string Claim, string Passage, string Label, string Verdict);

/// <summary>
/// Reviewed flags as labelled claim pairs for the stance data format (<c>LabeledClaimsLoader</c>). The claim is
/// side A's claim text, the passage side B's claim text; the label is the latest verdict mapped as
/// <see cref="LabelOf"/> documents.
/// </summary>
public static class ReviewExport
{
    /// <summary>
    /// a_right, b_right, unresolved (a contradiction, whoever is right) → <c>disagree</c>; not_contradiction (same
    /// subject, compatible claims) → <c>discuss</c>; different_subjects → <c>unrelated</c>. No verdict maps to
    /// <c>agree</c>: a reviewer judging a flag never says the sides restate each other.
    /// </summary>
    public static string LabelOf(string verdict) => verdict switch
    {
        VerdictKinds.ARight or VerdictKinds.BRight or VerdictKinds.Unresolved => "disagree",
        VerdictKinds.NotContradiction => "discuss",
        VerdictKinds.DifferentSubjects => "unrelated",
        _ => throw new ArgumentException($"unknown verdict '{verdict}'", nameof(verdict)),
    };

    /// <summary>One row per reviewed flag (its latest verdict), in flag id order.</summary>
    public static IReadOnlyList<TrainingRow> Rows(ClaimStore store)
    {
        var latest = store.LatestVerdicts();
        if (latest.Count == 0) return [];
        var claims = store.AllClaims().ToDictionary(c => c.ClaimId, c => c.Claim.Text);
        return store.Flags(double.NegativeInfinity)
            .Where(f => latest.ContainsKey(f.Id) && claims.ContainsKey(f.ClaimA) && claims.ContainsKey(f.ClaimB))
            .OrderBy(f => f.Id)
            .Select(f => new TrainingRow(f.Id, claims[f.ClaimA], claims[f.ClaimB], LabelOf(latest[f.Id].Verdict), latest[f.Id].Verdict))
            .ToList();
    }
}
