using System.Globalization;
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

    /// <summary>
    /// The JSON stored in a claim row's payload column: what <see cref="JsonSerializer"/> writes of the record with
    /// <see cref="Json"/> (camel-case names, enums by name, nulls left out; tested), on the thread's
    /// <see cref="JsonScratch"/> writer, because ingest writes one for every claim. Read back with the serializer.
    /// </summary>
    public static string Serialize(Claim c)
    {
        var w = JsonScratch.Begin();
        w.WriteStartObject();
        w.WriteStartArray("quotes");
        foreach (var q in c.Quotes)
        {
            w.WriteStartObject();
            w.WriteString("text", q.Text);
            w.WriteStartObject("span");
            w.WriteNumber("start", q.Span.Start);
            w.WriteNumber("length", q.Span.Length);
            w.WriteNumber("end", q.Span.End);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("numbers");
        foreach (var n in c.Numbers)
        {
            w.WriteStartObject();
            w.WriteString("text", n.Text);
            w.WriteNumber("value", n.Value);
            if (n.Unit is not null) w.WriteString("unit", n.Unit);
            if (n.Quantifies is not null) w.WriteString("quantifies", n.Quantifies);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("dates");
        foreach (var d in c.Dates)
        {
            w.WriteStartObject();
            w.WriteString("text", d.Text);
            if (d.Date is { } date) w.WriteString("date", Iso(date));
            if (d.End is { } end) w.WriteString("end", Iso(end));
            w.WriteBoolean("relative", d.Relative);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("entities");
        foreach (var e in c.Entities)
        {
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            if (KindName(e.Kind) is { } kind) w.WriteString("kind", kind);
            else w.WriteNumber("kind", (int)e.Kind);
            w.WriteString("key", e.Key);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        return JsonScratch.End();
    }

    private static string Iso(DateOnly d) => d.ToString("O", CultureInfo.InvariantCulture);

    // As JsonStringEnumConverter writes it: the name, or (null here) the number of a value the enum does not define.
    private static string? KindName(EntityKind kind) => kind switch
    {
        EntityKind.Other => nameof(EntityKind.Other),
        EntityKind.Person => nameof(EntityKind.Person),
        EntityKind.Organisation => nameof(EntityKind.Organisation),
        EntityKind.Place => nameof(EntityKind.Place),
        _ => null,
    };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
