using System.Text.Json;
using System.Text.Json.Serialization;
using Contradictions.Core.Claims;

namespace Contradictions.Storage;

/// <summary>The parts of a claim stored as JSON in claims.payload (quotes, numbers, dates, entities).</summary>
internal sealed record ClaimPayload(
    IReadOnlyList<QuoteSpan> Quotes,
    IReadOnlyList<NumberMention> Numbers,
    IReadOnlyList<DateMention> Dates,
    IReadOnlyList<EntityMention> Entities)
{
    /// <summary>No quotes, numbers, dates or entities: what a read that skips the payload returns.</summary>
    public static readonly ClaimPayload None = new([], [], [], []);

    /// <summary>The JSON stored in a claim row's payload column.</summary>
    public static string Serialize(Claim c) => JsonSerializer.Serialize(new ClaimPayload(c.Quotes, c.Numbers, c.Dates, c.Entities), Json);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
