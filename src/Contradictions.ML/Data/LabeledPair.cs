using Contradictions.Core.Stance;

namespace Contradictions.ML.Data;

/// <summary>A claim/passage pair with its gold stance. <see cref="PassageId"/> groups pairs sharing a passage.</summary>
public sealed record LabeledPair(string Claim, string PassageId, string Passage, Stance Label);

/// <summary>Pairs loaded from one source, plus the rows that were skipped (only with skip-bad-rows).</summary>
public sealed record LoadedPairs(IReadOnlyList<LabeledPair> Pairs, IReadOnlyList<SkippedRow> Skipped);
