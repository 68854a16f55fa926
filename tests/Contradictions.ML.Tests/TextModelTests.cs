using Contradictions.ML.Features;

namespace Contradictions.ML.Tests;

public class TextModelTests
{
    private static readonly TextModel Model = TextModel.Build(
        [["kyiv", "plan", "support"], ["kyiv", "deny"], ["plan", "peace"], ["cat", "fire"]],
        new TextModelOptions { MinDocumentFrequency = 1, LsaDimensions = 2 });

    [Fact]
    public void A_text_vector_weighs_each_known_term_by_log_count_and_idf_ascending_by_id_at_unit_length()
    {
        var v = Model.Vectorize(["plan", "kyiv", "unknown", "plan", "plan", "deny"]);

        var expected = new[] { "deny", "kyiv", "plan" }
            .Select(t => (Id: Array.IndexOf(Model.Terms, t), Count: t == "plan" ? 3 : 1))
            .OrderBy(x => x.Id)
            .Select(x => (x.Id, Weight: (1 + MathF.Log(x.Count)) * Model.Idf[x.Id]))
            .ToArray();
        float norm = MathF.Sqrt(expected.Sum(x => x.Weight * x.Weight));
        Assert.Equal(expected.Select(x => x.Id), v.Ids);
        Assert.Equal(expected.Select(x => x.Weight / norm), v.Weights, (a, b) => MathF.Abs(a - b) < 1e-6f);
    }

    [Fact]
    public void A_text_of_unknown_or_no_terms_is_the_empty_vector()
    {
        Assert.Empty(Model.Vectorize(["unknown", "words"]).Ids);
        Assert.Empty(Model.Vectorize([]).Ids);
    }
}
