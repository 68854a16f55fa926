using Contradictions.Core.Text;

namespace Contradictions.Core.Claims;

/// <summary>A quoted passage; <see cref="Span"/> is in the article's original text and excludes the quote marks.</summary>
public sealed record QuoteSpan(string Text, TextSpan Span);

/// <summary>
/// A number in a claim: <see cref="Value"/> as parsed, <see cref="Unit"/> ("%", "day", "million", "USD"…) and a
/// short phrase saying what it quantifies ("supports President Trump’s peace plan", "truce").
/// </summary>
public sealed record NumberMention(string Text, double Value, string? Unit, string? Quantifies);

/// <summary>
/// A date in a claim. <see cref="Date"/> is resolved against the article date when it is relative ("last week",
/// "on Wednesday") and null when it cannot be; ranges ("last week", "in March") also carry <see cref="End"/>.
/// </summary>
public sealed record DateMention(string Text, DateOnly? Date, DateOnly? End, bool Relative);

public enum EntityKind
{
    Other,
    Person,
    Organisation,
    Place,
}

/// <summary>A named entity with a normalised <see cref="Key"/> ("Ukraine's defence ministry" → "ukraine ministry of defense").</summary>
public sealed record EntityMention(string Name, EntityKind Kind, string Key);
