using System.Text.Json;
using Contradictions.Core.Stance;

namespace Contradictions.Storage.Tests;

public class FlagJsonTests
{
    [Fact]
    public void Cues_are_written_as_the_serializer_writes_a_string_list_escapes_included()
    {
        string[][] lists =
        [
            [],
            ["only B uses refuting words (fake, hoax, false, denied…)", "one side's speaker is \"the body\" <b>quoted</b> & more"],
            ["numbers differ: 90% vs 10%", "tab\there, newline\nthere, emoji 🙂, Cyrillic Умєров, backslash \\"],
        ];
        foreach (var cues in lists)
        {
            Assert.Equal(JsonSerializer.Serialize<IReadOnlyList<string>>(cues), FlagJson.Cues(cues));
        }
    }

    [Fact]
    public void Stance_is_written_as_the_serializer_writes_both_probability_arrays()
    {
        var random = new Random(3);
        for (int i = 0; i < 500; i++)
        {
            var ab = new StanceProbabilities(random.NextSingle(), random.NextSingle(), random.NextSingle(), random.NextSingle());
            var ba = new StanceProbabilities(1e-7f * random.NextSingle(), 0, 1, random.NextSingle() / 3);
            var expected = JsonSerializer.Serialize(new { Ab = new[] { ab.Agree, ab.Disagree, ab.Discuss, ab.Unrelated }, Ba = new[] { ba.Agree, ba.Disagree, ba.Discuss, ba.Unrelated } });
            Assert.Equal(expected, FlagJson.Stance(ab, ba));
        }
    }

    [Fact]
    public void A_write_that_throws_leaves_nothing_behind_for_the_next_one()
    {
        Assert.Throws<ArgumentException>(() => FlagJson.Stance(new StanceProbabilities(0.1f, float.NaN, 0, 0), new StanceProbabilities(0, 0, 1, 0)));
        Assert.Equal("[\"a\"]", FlagJson.Cues(["a"]));
        Assert.Throws<NullReferenceException>(() => FlagJson.Cues(null!));
        var ab = new StanceProbabilities(0.5f, 0, 0, 0.5f);
        Assert.Equal(JsonSerializer.Serialize(new { Ab = new[] { 0.5f, 0, 0, 0.5f }, Ba = new[] { 0.5f, 0, 0, 0.5f } }), FlagJson.Stance(ab, ab));
    }
}
