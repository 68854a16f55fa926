using Contradictions.Core.Detection;

namespace Contradictions.Core.Tests.Detection;

public class TermStatisticsTests
{
    [Fact]
    public void Document_frequency_counts_a_repeated_feature_once_per_document()
    {
        var stats = new TermStatistics();
        stats.AddDocument(["war", "war", "truce"]);
        stats.AddDocument(["war"]);
        Assert.Equal(2, stats.DocumentCount);
        Assert.Equal(2, stats.DocumentFrequency("war"));
        Assert.Equal(1, stats.DocumentFrequency("truce"));
        Assert.Equal(0, stats.DocumentFrequency("peace"));
    }

    [Fact]
    public void Idf_is_at_least_one_and_highest_for_unseen_features()
    {
        var stats = new TermStatistics();
        for (int i = 0; i < 10; i++) stats.AddDocument(i < 9 ? ["war"] : ["war", "truce"]);
        Assert.True(stats.InverseDocumentFrequency("war") >= 1f);
        Assert.True(stats.InverseDocumentFrequency("truce") > stats.InverseDocumentFrequency("war"));
        Assert.True(stats.InverseDocumentFrequency("peace") > stats.InverseDocumentFrequency("truce"));
    }

    [Fact]
    public void Documents_counted_on_many_threads_give_the_frequencies_of_one_by_one()
    {
        // Real claims' features (seed articles, sentence by sentence, many times over) and crafted repeats.
        var builder = new SubjectBuilder();
        var seeds = Directory.GetFiles(RepoRoot.File("data", "articles"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => Claims.ClaimExtractor.Extract(Articles.ArticleFactory.Create(Path.GetFileName(f), File.ReadAllText(f))))
            .Select(c => (IReadOnlyList<string>)builder.DocumentFeatures(c)).ToList();
        var documents = Enumerable.Range(0, 40).SelectMany(i => seeds.Select(d => i % 3 == 0 ? [.. d, .. d, "n:" + i] : d)).ToList();
        Assert.True(documents.Count > 4 * 1_024, $"{documents.Count} documents");
        var serial = new TermStatistics();
        foreach (var d in documents) serial.AddDocument(d);

        foreach (int threads in new[] { 1, 2, 3, 8 })
        {
            var parallel = new TermStatistics();
            parallel.AddDocument(["war"]);
            parallel.AddDocuments(documents, threads);
            Assert.Equal(serial.DocumentCount + 1, parallel.DocumentCount);
            Assert.Equal(serial.FeatureCount + (serial.DocumentFrequency("war") == 0 ? 1 : 0), parallel.FeatureCount);
            Assert.All(documents.SelectMany(d => d).Distinct(), f => Assert.Equal(serial.DocumentFrequency(f) + (f == "war" ? 1 : 0), parallel.DocumentFrequency(f)));
            Assert.Equal(serial.DocumentFrequency("n:3"), parallel.DocumentFrequency("n:3"));
        }
    }
}
