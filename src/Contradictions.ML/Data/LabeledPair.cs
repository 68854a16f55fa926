using Contradictions.Core.Stance;

namespace Contradictions.ML.Data;

/// <summary>
/// A claim/passage pair with its gold stance. <see cref="PassageId"/> groups pairs sharing a passage;
/// <see cref="Weight"/> multiplies the pair's example weight in training (reviewed pairs count more).
/// </summary>
public sealed record LabeledPair(string Claim, string PassageId, string Passage, Stance Label, float Weight = 1f);

/// <summary>Pairs loaded from one source, plus the rows that were skipped (only with skip-bad-rows).</summary>
public sealed record LoadedPairs(IReadOnlyList<LabeledPair> Pairs, IReadOnlyList<SkippedRow> Skipped);
