using Contradictions.Core.Claims;
using Contradictions.Core.Detection;
using Contradictions.Core.Reliability;

namespace Contradictions.Storage.Reliability;

/// <summary>Settings for <see cref="StoreEvidence.Build"/>.</summary>
public sealed record StoreEvidenceOptions
{
    public static StoreEvidenceOptions Default { get; } = new();

    /// <summary>Unreviewed flags at or above this calibrated confidence count as a conflict between their two sides.</summary>
    /// <value>Defaults to 0.5: a flag counts only when the detector thinks a contradiction more likely than not.</value>
    /// <remarks>Reviewed flags ignore it: a confirmed contradiction counts whatever its confidence, a dismissed one never.</remarks>
    public double MinFlagConfidence { get; init; } = 0.5;
}

/// <summary>One stored claim as evidence: where it appeared, the sources of its chain and its copy origin.</summary>
/// <param name="ClaimId">Stored claim id.</param>
/// <param name="Article">Article label (file name or input id).</param>
/// <param name="Text">The claim.</param>
/// <param name="Polarity">Asserted, denied, hedged or question.</param>
/// <param name="Chain">Display names outlet → … → speaker, as credited (the article's outlet first when the claim's chain lacked it).</param>
/// <param name="Sources">The sources credited, in chain order.</param>
/// <param name="OriginId">Copy origin: copies of one paragraph share it, and it is one voice.</param>
/// <param name="NodeId">The proposition in the graph: one per corroboration group (copies and independent restatements).</param>
/// <param name="HasOutlet">The first source is the publishing outlet; false when neither the chain nor the article names one.</param>
/// <param name="IndependentOrigins">Independent origins stating the proposition (<see cref="CorroborationGroup.IndependentOrigins"/>): 1 when nobody else did.</param>
public sealed record EvidenceClaim(
    long ClaimId, string Article, string Text, Polarity Polarity, IReadOnlyList<string> Chain,
    IReadOnlyList<SourceRef> Sources, string OriginId, string NodeId, bool HasOutlet, int IndependentOrigins = 1)
{
    /// <summary>The role of the source at <paramref name="index"/> of <see cref="Sources"/>, as the graph credits it.</summary>
    public SourceRole RoleAt(int index) =>
        index == 0 && HasOutlet ? SourceRole.Outlet : index == Sources.Count - 1 ? SourceRole.Speaker : SourceRole.Intermediary;
}

/// <summary>A stored flag as evidence: one proposition that one side supports and the other refutes.</summary>
/// <param name="FlagId">Stored flag id.</param>
/// <param name="Kind">denial, factual or position.</param>
/// <param name="Confidence">Calibrated confidence.</param>
/// <param name="Counted">In the graph: confirmed by a reviewer, or unreviewed and at or above <see cref="StoreEvidenceOptions.MinFlagConfidence"/>.</param>
/// <param name="ClaimA">The stored flag's side A (the lower claim id), as reviewers see it.</param>
/// <param name="ClaimB">The stored flag's side B.</param>
/// <param name="SupportingClaimId">The side that supports the proposition (for a denial, the claim denied).</param>
/// <param name="RefutingClaimId">The side that refutes it (for a denial, the denying claim).</param>
/// <param name="NodeId">The proposition's id in the graph (shared by the counted flags of one conflict between two groups).</param>
/// <param name="Verdict">The reviewer's answer when the latest verdict names a side (true: the supporting side held); it fixes the proposition's truth.</param>
/// <param name="Review">The latest reviewer verdict, if any (also <c>unresolved</c> and the dismissals).</param>
/// <param name="SupportingClaims">Every stored claim voicing the supporting side: its copies and independent restatements.</param>
/// <param name="RefutingClaims">Every stored claim voicing the refuting side.</param>
public sealed record EvidenceFlag(
    long FlagId, FlagKind Kind, float Confidence, bool Counted, long ClaimA, long ClaimB, long SupportingClaimId, long RefutingClaimId,
    string NodeId, bool? Verdict, StoredVerdict? Review, IReadOnlyList<long> SupportingClaims, IReadOnlyList<long> RefutingClaims)
{
    /// <summary>Which stored side, "a" or "b", a claim voices (itself, a copy or a restatement of it), or null when neither.</summary>
    public string? SideOf(long claimId)
    {
        bool supporting = SupportingClaims.Contains(claimId);
        bool refuting = RefutingClaims.Contains(claimId);
        if (supporting == refuting) return null;
        return (supporting ? SupportingClaimId : RefutingClaimId) == ClaimA ? "a" : "b";
    }
}
