using Contradictions.Storage.Detection;

namespace Contradictions.Storage.Tests.Detection;

public class PairScoringTests
{
    [Fact]
    public void Only_the_last_batch_is_cut_and_its_last_part_is_small()
    {
        Assert.Equal(
            [(0, 65_536, true), (65_536, 65_536, true), (131_072, 33_793, false), (164_865, PairScoring.LastPart, true)],
            PairScoring.Parts(173_057, 65_536));
        // A last batch too short to cut is one part.
        Assert.Equal([(0, 4_096, true), (4_096, 4_096, true), (8_192, 3_000, true)], PairScoring.Parts(11_192, 4_096));
        Assert.Equal([(0, 100, true)], PairScoring.Parts(100, 65_536));
    }

    [Fact]
    public void Parts_cover_every_pair_once_in_order_and_commit_where_batches_end()
    {
        foreach (var (pairs, batch) in new[] { (1, 1), (17, 1), (16_384, 16_384), (16_385, 16_384), (50_000, 7), (200_000, 65_536), (40_000, 100_000) })
        {
            var parts = PairScoring.Parts(pairs, batch);
            int next = 0;
            foreach (var (start, count, endsBatch) in parts)
            {
                Assert.Equal(next, start);
                Assert.True(count > 0);
                next = start + count;
                Assert.Equal(next % batch == 0 || next == pairs, endsBatch);
            }
            Assert.Equal(pairs, next);
            Assert.True(parts[^1].EndsBatch);
        }
    }
}
