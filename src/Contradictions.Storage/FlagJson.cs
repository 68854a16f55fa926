using System.Text.Json;
using Contradictions.Core.Stance;

namespace Contradictions.Storage;

/// <summary>
/// A flag's explanation and stance columns as JSON, written as <see cref="JsonSerializer"/> writes a string list and
/// <c>{"Ab": [4 floats], "Ba": [...]}</c> (same writer, same default escaping), on the thread's <see cref="JsonScratch"/>
/// writer: a scan writes one of each for every flag.
/// </summary>
internal static class FlagJson
{
    public static string Cues(IReadOnlyList<string> cues)
    {
        var writer = JsonScratch.Begin();
        writer.WriteStartArray();
        foreach (var cue in cues) writer.WriteStringValue(cue);
        writer.WriteEndArray();
        return JsonScratch.End();
    }

    public static string Stance(StanceProbabilities ab, StanceProbabilities ba)
    {
        var writer = JsonScratch.Begin();
        writer.WriteStartObject();
        Probabilities(writer, "Ab", ab);
        Probabilities(writer, "Ba", ba);
        writer.WriteEndObject();
        return JsonScratch.End();
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
}
