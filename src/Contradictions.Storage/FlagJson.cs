using System.Buffers;
using System.Text;
using System.Text.Json;
using Contradictions.Core.Stance;

namespace Contradictions.Storage;

/// <summary>
/// A flag's explanation and stance columns as JSON, written as <see cref="JsonSerializer"/> writes a string list and
/// <c>{"Ab": [4 floats], "Ba": [...]}</c> (same writer, same default escaping), with one writer per thread: a scan
/// writes one of each for every flag, and the serializer's per-call state was most of the cost.
/// </summary>
internal static class FlagJson
{
    [ThreadStatic] private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? scratch;

    public static string Cues(IReadOnlyList<string> cues)
    {
        var (buffer, writer) = Begin();
        writer.WriteStartArray();
        foreach (var cue in cues) writer.WriteStringValue(cue);
        writer.WriteEndArray();
        return End(buffer, writer);
    }

    public static string Stance(StanceProbabilities ab, StanceProbabilities ba)
    {
        var (buffer, writer) = Begin();
        writer.WriteStartObject();
        Probabilities(writer, "Ab", ab);
        Probabilities(writer, "Ba", ba);
        writer.WriteEndObject();
        return End(buffer, writer);
    }

    private static void Probabilities(Utf8JsonWriter writer, string name, StanceProbabilities p)
    {
        writer.WriteStartArray(name);
        writer.WriteNumberValue(p.Agree);
        writer.WriteNumberValue(p.Disagree);
        writer.WriteNumberValue(p.Discuss);
        writer.WriteNumberValue(p.Unrelated);
        writer.WriteEndArray();
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) Begin()
    {
        if (scratch is not { } s)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            scratch = s = (buffer, new Utf8JsonWriter(buffer));
        }
        // A write that threw (a NaN probability, say) left its part behind: every write starts from empty.
        s.Buffer.ResetWrittenCount();
        s.Writer.Reset(s.Buffer);
        return s;
    }

    private static string End(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        writer.Flush();
        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        // One very long cue should not keep its buffer on the thread for good.
        if (buffer.Capacity > 1 << 16) scratch = null;
        return json;
    }
}
