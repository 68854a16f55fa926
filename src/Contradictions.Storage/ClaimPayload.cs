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
        Write(c);
        return JsonScratch.End();
    }

    /// <summary>
    /// <see cref="Serialize"/> as UTF-8, the form SQLite stores: ingest binds these bytes as the payload's text, so
    /// the JSON is not made a string here and turned back into UTF-8 by SQLite.
    /// </summary>
    public static byte[] SerializeUtf8(Claim c)
    {
        Write(c);
        return JsonScratch.EndUtf8();
    }

    private static void Write(Claim c)
    {
        var w = JsonScratch.Begin();
        w.WriteStartObject();
        List(w, "quotes", c.Quotes, static (w, q) =>
        {
            String(w, "text", q.Text);
            w.WriteStartObject("span");
            w.WriteNumber("start", q.Span.Start);
            w.WriteNumber("length", q.Span.Length);
            w.WriteNumber("end", q.Span.End);
            w.WriteEndObject();
        });
        List(w, "numbers", c.Numbers, static (w, n) =>
        {
            String(w, "text", n.Text);
            w.WriteNumber("value", n.Value);
            String(w, "unit", n.Unit);
            String(w, "quantifies", n.Quantifies);
        });
        List(w, "dates", c.Dates, static (w, d) =>
        {
            String(w, "text", d.Text);
            if (d.Date is { } date) w.WriteString("date", Iso(date));
            if (d.End is { } end) w.WriteString("end", Iso(end));
            w.WriteBoolean("relative", d.Relative);
        });
        List(w, "entities", c.Entities, static (w, e) =>
        {
            String(w, "name", e.Name);
            if (KindName(e.Kind) is { } kind) w.WriteString("kind", kind);
            else w.WriteNumber("kind", (int)e.Kind);
            String(w, "key", e.Key);
        });
        w.WriteEndObject();
    }

    // As the serializer with these options: a null list or string is left out, a null item is written as null.
    private static void List<T>(Utf8JsonWriter w, string name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> write) where T : class
    {
        if (items is null) return;
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            if (item is null)
            {
                w.WriteNullValue();
                continue;
            }
            w.WriteStartObject();
            write(w, item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
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
