using Contradictions.Core.Text;

namespace Contradictions.Core.Claims;

/// <summary>
/// Who asserts what, through whom. <see cref="Chain"/> runs from the outermost source (usually the article's
/// outlet, which vouches for its reporting) to the innermost speaker; an unattributed sentence has the outlet
/// alone (or an empty chain when the outlet is unknown). <see cref="Span"/> is in the article's original text.
/// </summary>
public sealed record Claim(
    int Ordinal,
    string Text,
    TextSpan Span,
    IReadOnlyList<AttributionLink> Chain,
    string? Verb,
    Polarity Polarity,
    IReadOnlyList<QuoteSpan> Quotes,
    IReadOnlyList<NumberMention> Numbers,
    IReadOnlyList<DateMention> Dates,
    IReadOnlyList<EntityMention> Entities,
    bool IsHeadline = false)
{
    /// <summary>The innermost link: who actually said it.</summary>
    public AttributionLink? Speaker => Chain.Count > 0 ? Chain[^1] : null;
}
