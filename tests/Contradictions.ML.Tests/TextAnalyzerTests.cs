using Contradictions.Core.Text;
using Contradictions.ML.Data;
using Contradictions.ML.Features;

namespace Contradictions.ML.Tests;

public class TextAnalyzerTests
{
    [Fact]
    public void Analysing_into_ids_and_hashes_gives_the_vectors_hashes_and_counts_of_the_stems()
    {
        var bodies = FncCorpus.Load(RepoPaths.Of("data", "fnc-1")).Training.Select(p => p.Passage).Distinct().Take(200).ToList();
        var texts = bodies.Concat(bodies.SelectMany(b => b.Split('.')).Take(2_000)).Append("").Append("1,500 of 2,000 said no.").ToList();
        var model = TextModel.Build(bodies.Take(100).Select(b => TextAnalyzer.Analyze(b).Stems).ToList(), new TextModelOptions { LsaDimensions = 4 });
        var (ids, hashes) = (new List<int>(), new List<ulong>());
        int unknown = 0;

        foreach (var text in texts)
        {
            var withStems = TextAnalyzer.Analyze(text);
            var withKeys = TextAnalyzer.Analyze(text, model, ids, hashes);

            Assert.Equal(withStems.Stems.Select(StableHash.Of), hashes);
            var byStems = model.Vectorize(withStems.Stems);
            var byIds = model.VectorizeIds(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids));
            Assert.Equal(byStems.Ids, byIds.Ids);
            Assert.Equal(byStems.Weights, byIds.Weights);
            Assert.Equal(withStems with { Stems = [] }, withKeys with { Numbers = withStems.Numbers });
            Assert.Equal(withStems.Numbers, withKeys.Numbers);
            unknown += withStems.Stems.Length - ids.Count;
        }
        // The texts have stems the vocabulary lacks (left out of the ids, not of the hashes).
        Assert.True(unknown > 100, $"{unknown} unknown stems");
    }
}
