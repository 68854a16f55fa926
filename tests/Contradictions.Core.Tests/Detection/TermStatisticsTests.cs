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
}
