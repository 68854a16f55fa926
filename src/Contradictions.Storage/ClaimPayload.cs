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
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
