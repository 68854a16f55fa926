using Contradictions.Core.Detection;

namespace Contradictions.Core.Tests.Detection;

public class OriginClustererTests
{
    private const string Background1 = "Washington is negotiating with Russia and Ukraine to end the war, but a true ceasefire is still in sight.";
    private const string Background3 = "Moscow, in return, has only promised not to attack energy facilities and said it would implement agreements on the Black Sea only after Western sanctions are lifted.";

    [Fact]
    public void Background_paragraph_repeated_in_three_seed_articles_is_one_origin()
    {
        var items = SeedCorpus.Claims.Select(c => new OriginItem(c.Id, c.Article.Id, c.Article.Outlet, c.Claim.Text)).ToList();
        var origins = new OriginClusterer().Assign(items);

        foreach (var opening in new[] { "Washington is negotiating with Russia", "Kyiv has already agreed to halt hostilities", "Moscow, in return, has only promised" })
        {
            var copies = SeedCorpus.Claims.Where(c => c.Claim.Text.StartsWith(opening, StringComparison.Ordinal)).ToList();
            Assert.Equal(["000", "001", "002"], copies.Select(c => c.Article.Id[..3]).Order());
            var ids = copies.Select(c => origins[c.Id]).Distinct().ToList();
            Assert.Single(ids);
            Assert.Equal(OriginClusterer.OriginIdOf(copies.Min(c => c.Id)), ids[0]);
        }
    }

    [Fact]
    public void Sketches_made_ahead_give_the_origins_made_from_the_texts()
    {
        var clusterer = new OriginClusterer();
        var items = SeedCorpus.Claims.Select(c => new OriginItem(c.Id, c.Article.Id, c.Article.Outlet, c.Claim.Text)).ToList();
        // Half the items carry a sketch, as when a scan sketched the claims it stored but not the older ones.
        var sketched = items.Select((item, i) => i % 2 == 0 ? item with { Sketch = clusterer.Sketch(item.Text) } : item).ToList();

        var fromTexts = clusterer.Assign(items);
        var fromSketches = clusterer.Assign(sketched);

        Assert.Equal(fromTexts.OrderBy(kv => kv.Key), fromSketches.OrderBy(kv => kv.Key));
        Assert.True(fromTexts.Values.Distinct().Count() < items.Count, "the seeds have copies");
        Assert.Empty(clusterer.Sketch("Too short.").Shingles);
    }

    [Theory]
    [InlineData(64, 1)]
    [InlineData(64, 40)]
    [InlineData(66, 17)]
    public void MinHash_four_seeds_at_a_time_equals_one_at_a_time(int seedCount, int shingleCount)
    {
        var random = new Random(seedCount * 1_000 + shingleCount);
        var seeds = Enumerable.Range(0, seedCount).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63)).ToArray();
        var shingles = Enumerable.Range(0, shingleCount).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63)).ToArray();
        var vector = new ulong[seedCount];
        var scalar = new ulong[seedCount];

        OriginClusterer.MinHash(shingles, seeds, vector, vectorized: true);
        OriginClusterer.MinHash(shingles, seeds, scalar, vectorized: false);

        Assert.Equal(scalar, vector);
        Assert.DoesNotContain(ulong.MaxValue, scalar);
    }

    [Fact]
    public void A_sketch_made_with_other_options_is_refused()
    {
        var other = new OriginClusterer(new OriginOptions { Bands = 4 });
        var item = new OriginItem(1, "a", null, Background1) { Sketch = other.Sketch(Background1) };

        var error = Assert.Throws<ArgumentException>(() => new OriginClusterer().Assign([item]));
        Assert.Contains("Claim 1", error.Message);
    }

    [Fact]
    public void Origins_are_the_same_on_one_thread_and_on_many()
    {
        // The seeds three times over (as other articles), so buckets fill and clusters span many claims.
        var items = Enumerable.Range(0, 3).SelectMany(copy => SeedCorpus.Claims.Select(c =>
            new OriginItem(copy * 100_000 + c.Id, copy + c.Article.Id, c.Article.Outlet, c.Claim.Text))).ToList();

        var serial = new OriginClusterer(new OriginOptions { Parallelism = 1 }).Assign(items);
        var parallel = new OriginClusterer(new OriginOptions { Parallelism = 4 }).Assign(items);

        Assert.Equal(serial.OrderBy(kv => kv.Key), parallel.OrderBy(kv => kv.Key));
        Assert.True(serial.Values.Distinct().Count() < items.Count / 3);
    }

    [Fact]
    public void Claims_unique_to_one_article_are_their_own_origin()
    {
        var items = SeedCorpus.Claims.Select(c => new OriginItem(c.Id, c.Article.Id, c.Article.Outlet, c.Claim.Text)).ToList();
        var origins = new OriginClusterer().Assign(items);

        long denial = SeedCorpus.IdOf("000", c => c.Text.StartsWith("The Ukrainian Ministry of Defense later denied", StringComparison.Ordinal));
        Assert.Equal(OriginClusterer.OriginIdOf(denial), origins[denial]);
        Assert.Equal(items.Count, origins.Count);
        // Seed 003 shares no passage with the others: every claim is its own origin.
        Assert.All(SeedCorpus.Claims.Where(c => c.Article.Id.StartsWith("003", StringComparison.Ordinal)),
            c => Assert.Equal(OriginClusterer.OriginIdOf(c.Id), origins[c.Id]));
    }

    [Fact]
    public void Syndicated_sentence_across_outlets_shares_the_smallest_claim_id_as_origin()
    {
        var origins = new OriginClusterer().Assign(
        [
            new OriginItem(30, "c", "Outlet C", Background1),
            new OriginItem(10, "a", "Outlet A", Background1),
            new OriginItem(20, "b", "Outlet B", Background1.Replace("true ceasefire", "real ceasefire", StringComparison.Ordinal) + " Officials said."),
            new OriginItem(40, "d", "Outlet D", "Talks on a ceasefire in the Black Sea resumed in Riyadh on Monday, officials said."),
        ]);

        Assert.Equal("o:10", origins[10]);
        Assert.Equal("o:10", origins[30]);
        Assert.Equal("o:40", origins[40]);
    }

    [Fact]
    public void Lightly_edited_sentence_inside_a_copied_passage_joins_its_neighbours()
    {
        const string edited = "Moscow, in return, has only promised not to attack energy facilities and said it would implement the Black Sea agreements only after Western sanctions are lifted.";
        Assert.True(OriginClusterer.Jaccard(Background3, edited) < 0.8);

        var alone = new OriginClusterer().Assign([new OriginItem(1, "a", null, Background3), new OriginItem(2, "b", null, edited)]);
        Assert.NotEqual(alone[1], alone[2]);

        var inPassage = new OriginClusterer().Assign(
        [
            new OriginItem(1, "a", null, Background1),
            new OriginItem(2, "a", null, Background3),
            new OriginItem(3, "b", null, Background1),
            new OriginItem(4, "b", null, edited),
        ]);
        Assert.Equal(inPassage[1], inPassage[3]);
        Assert.Equal("o:2", inPassage[4]);
    }

    [Fact]
    public void Short_stock_phrases_are_not_copies()
    {
        var origins = new OriginClusterer().Assign(
        [
            new OriginItem(1, "a", "A", "He declined to comment."),
            new OriginItem(2, "b", "B", "He declined to comment."),
        ]);
        Assert.Equal("o:1", origins[1]);
        Assert.Equal("o:2", origins[2]);
    }

    [Fact]
    public void A_sentence_repeated_in_many_articles_is_one_cluster_with_bounded_comparisons()
    {
        var items = Enumerable.Range(0, 500).Select(i => new OriginItem(i, "a" + i, "Outlet " + (i % 7), Background1)).ToList();
        var origins = new OriginClusterer(new OriginOptions { MaxBucketSize = 4 }).Assign(items);
        Assert.All(origins.Values, o => Assert.Equal("o:0", o));
    }

    [Fact]
    public void Jaccard_of_five_word_shingles()
    {
        Assert.Equal(1.0, OriginClusterer.Jaccard(Background1, Background1));
        Assert.Equal(0.0, OriginClusterer.Jaccard(Background1, "Something else entirely about grain exports and shipping."));
        Assert.InRange(OriginClusterer.Jaccard(Background3, Background3.Replace("agreements on the Black Sea", "the Black Sea agreements", StringComparison.Ordinal)), 0.4, 0.5);
    }

    [Fact]
    public void Duplicate_claim_ids_throw()
    {
        Assert.Throws<ArgumentException>(() => new OriginClusterer().Assign(
            [new OriginItem(1, "a", null, Background1), new OriginItem(1, "b", null, Background1)]));
    }
}
