using Contradictions.Core.Detection;

namespace Contradictions.Core.Tests.Detection;

public class CandidateIndexTests
{
    private static ClaimSubject Subject(long id, string article, string? speaker, params string[] terms)
    {
        float w = 1f / MathF.Sqrt(terms.Length);
        return new ClaimSubject(id, article, speaker,
            [.. terms.Where(t => t.StartsWith("e:", StringComparison.Ordinal)).Select(t => t[2..])],
            [.. terms.Select(t => new WeightedTerm(t, w))], []);
    }

    [Fact]
    public void Query_ranks_by_weighted_overlap_and_excludes_the_claim_itself()
    {
        var index = new CandidateIndex();
        var q = Subject(1, "a", "x", "truce", "black", "sea", "e:ukraine");
        index.Add(q);
        index.Add(Subject(2, "b", "y", "truce", "black", "sea", "e:ukraine"));
        index.Add(Subject(3, "c", "y", "truce", "grain"));
        index.Add(Subject(4, "d", "y", "election", "poll"));

        var result = index.Query(q, 10);

        Assert.Equal([2L, 3L], result.Select(c => c.ClaimId));
        Assert.Equal(1, result[0].SharedEntities);
        Assert.Equal(3, result[0].SharedTerms);
        Assert.True(result[0].Score > result[1].Score);
        Assert.Equal(1f, result[0].Score, 4);
    }

    [Fact]
    public void Claims_from_the_same_article_and_speaker_are_not_candidates()
    {
        var index = new CandidateIndex();
        var q = Subject(1, "a", "peskov", "truce", "sea");
        index.Add(q);
        index.Add(Subject(2, "a", "peskov", "truce", "sea"));
        index.Add(Subject(3, "a", null, "truce", "sea"));

        Assert.Empty(index.Query(q, 10));
        Assert.Empty(index.Query(Subject(4, "a", null, "truce", "sea"), 10));
    }

    [Fact]
    public void Claims_from_the_same_article_with_different_speakers_are_candidates()
    {
        var index = new CandidateIndex();
        var q = Subject(1, "a", "peskov", "truce", "sea");
        index.Add(q);
        index.Add(Subject(2, "a", "zelensky", "truce", "sea"));
        Assert.Equal([2L], index.Query(q, 10).Select(c => c.ClaimId));
    }

    [Fact]
    public void Returns_only_the_top_k_best_first_with_ties_by_smaller_id()
    {
        var index = new CandidateIndex();
        for (int i = 1; i <= 20; i++) index.Add(Subject(i, "a" + i, null, "truce", "sea"));
        var result = index.Query(Subject(100, "q", null, "truce", "sea"), 5);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], result.Select(c => c.ClaimId));
    }

    [Fact]
    public void Terms_with_postings_over_the_cap_are_ignored()
    {
        var index = new CandidateIndex(new CandidateIndexOptions { MaxPostings = 3 });
        for (int i = 1; i <= 10; i++) index.Add(Subject(i, "a" + i, null, "war"));
        index.Add(Subject(11, "b", null, "war", "desalination"));

        var result = index.QueryWithDiagnostics(Subject(100, "q", null, "war", "desalination"), 10);

        Assert.Equal([11L], result.Candidates.Select(c => c.ClaimId));
        Assert.Equal(1, result.TermsSkipped);
        Assert.Equal(1, result.TermsUsed);
        Assert.Equal(11, index.DocumentFrequency("war"));
    }

    [Fact]
    public void Per_query_work_is_bounded_by_cap_times_terms_whatever_the_index_size()
    {
        const int cap = 50;
        var options = new CandidateIndexOptions { MaxPostings = cap, MaxQueryTerms = 8 };
        var index = new CandidateIndex(options);
        var random = new Random(42);
        for (int i = 0; i < 20_000; i++)
        {
            // Skewed vocabulary: term t with probability ∝ 1/(t+1), so head terms blow past the cap.
            var terms = Enumerable.Range(0, 8).Select(_ => "t" + (int)Math.Floor(Math.Exp(random.NextDouble() * Math.Log(5_000)) - 1)).Distinct().ToArray();
            index.Add(Subject(i, "a" + (i / 10), null, terms));
        }
        var q = Subject(-1, "q", null, "t0", "t1", "t2", "t3", "t100", "t200", "t300", "t4000", "t4001", "t4002");

        var result = index.QueryWithDiagnostics(q, 10);

        Assert.True(result.PostingsScanned <= (long)cap * options.MaxQueryTerms, $"scanned {result.PostingsScanned}");
        Assert.True(result.TermsSkipped > 0);
        Assert.True(result.TermsUsed + result.TermsSkipped <= options.MaxQueryTerms);
        Assert.True(result.ClaimsTouched <= cap * options.MaxQueryTerms);
    }

    [Fact]
    public void All_candidate_pairs_lists_each_unordered_pair_once()
    {
        var index = new CandidateIndex();
        index.Add(Subject(3, "a", null, "truce", "sea"));
        index.Add(Subject(1, "b", null, "truce", "sea"));
        index.Add(Subject(2, "c", null, "truce", "grain"));
        index.Add(Subject(4, "a", null, "truce", "sea"));

        var pairs = index.AllCandidatePairs(10).ToList();

        Assert.All(pairs, p => Assert.True(p.A < p.B));
        Assert.Equal(pairs.Count, pairs.Select(p => (p.A, p.B)).Distinct().Count());
        Assert.Equal([(1L, 2L), (1L, 3L), (1L, 4L), (2L, 3L), (2L, 4L)], pairs.Select(p => (p.A, p.B)).Order());
        Assert.Equal(1f, pairs.Single(p => p.A == 1 && p.B == 3).Score, 4);
    }

    [Fact]
    public void All_candidate_pairs_come_out_the_same_in_the_same_order_on_several_threads()
    {
        var random = new Random(7);
        var words = Enumerable.Range(0, 400).Select(i => $"w{i}").ToArray();
        var index = new CandidateIndex();
        for (int i = 0; i < 3_000; i++)
        {
            // Zipf-like word choice, so some postings are long and many queries tie on scores.
            var terms = Enumerable.Range(0, 6).Select(_ => words[(int)(words.Length * Math.Pow(random.NextDouble(), 2))]).Distinct().ToArray();
            index.Add(Subject(i + 1, $"article{i / 12}", i % 3 == 0 ? $"speaker{i % 7}" : null, terms));
        }

        var serial = index.AllCandidatePairs(10).ToList();
        var parallel = index.AllCandidatePairs(10, parallelism: 4).ToList();

        Assert.True(serial.Count > 10_000, $"{serial.Count} pairs");
        Assert.Equal(serial, parallel);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.AllCandidatePairs(10, parallelism: 0));
    }

    [Fact]
    public void Adding_a_batch_on_several_threads_builds_the_index_one_by_one_adding_builds()
    {
        var random = new Random(5);
        var words = Enumerable.Range(0, 2_000).Select(i => $"w{i}").ToArray();
        var subjects = Enumerable.Range(0, 6_000).Select(i =>
        {
            // Repeated terms within a subject too, which the index keeps once.
            var terms = Enumerable.Range(0, 7).Select(_ => words[(int)(words.Length * Math.Pow(random.NextDouble(), 3))]).ToArray();
            return Subject(10_000 - i, $"article{i / 9}", i % 4 == 0 ? $"speaker{i % 5}" : null, terms);
        }).ToList();
        var one = new CandidateIndex();
        one.Add(subjects[0]);
        foreach (var s in subjects.Skip(1)) one.Add(s);

        foreach (int threads in new[] { 2, 3, 4 })
        {
            var batch = new CandidateIndex();
            batch.Add(subjects[0]);
            batch.AddRange(subjects.Skip(1).ToList(), threads);

            Assert.Equal(one.Count, batch.Count);
            Assert.Equal(one.FeatureCount, batch.FeatureCount);
            Assert.All(words, w => Assert.Equal(one.DocumentFrequency(w), batch.DocumentFrequency(w)));
            Assert.Equal(one.AllCandidatePairs(10), batch.AllCandidatePairs(10));
            foreach (var s in subjects.Take(50))
            {
                var (x, y) = (one.QueryWithDiagnostics(s, 10), batch.QueryWithDiagnostics(s, 10));
                Assert.Equal(x.Candidates, y.Candidates);
                Assert.Equal((x.TermsUsed, x.TermsSkipped, x.PostingsScanned, x.ClaimsTouched), (y.TermsUsed, y.TermsSkipped, y.PostingsScanned, y.ClaimsTouched));
            }
        }
        var again = new CandidateIndex();
        again.AddRange(subjects, 2);
        int features = again.FeatureCount;
        var fresh = Subject(1, "other", null, "never-seen-before");
        Assert.Throws<ArgumentException>(() => again.AddRange([fresh, .. subjects.Take(2_500)], 2));
        Assert.Throws<ArgumentException>(() => again.AddRange([fresh, .. Enumerable.Repeat(Subject(2, "other", null, "w1"), 2_500)], 2));
        Assert.Throws<ArgumentException>(() => again.Add(subjects[0] with { Terms = [new WeightedTerm("never-seen-either", 1f)] }));
        // A refused claim or batch leaves the index as it was.
        Assert.Equal((subjects.Count, features), (again.Count, again.FeatureCount));
        Assert.Equal(0, again.DocumentFrequency("never-seen-before"));
    }

    [Fact]
    public void Candidate_positions_are_the_candidate_pairs_in_the_same_order()
    {
        var random = new Random(11);
        var words = Enumerable.Range(0, 300).Select(i => $"w{i}").ToArray();
        var index = new CandidateIndex();
        // Ids not in adding order, so positions and ids differ.
        var ids = Enumerable.Range(0, 2_000).Select(i => 5_000L - 2 * i).ToArray();
        foreach (var id in ids)
        {
            var terms = Enumerable.Range(0, 5).Select(_ => words[(int)(words.Length * Math.Pow(random.NextDouble(), 2))]).Distinct().ToArray();
            index.Add(Subject(id, $"article{id / 10}", null, terms));
        }

        var pairs = index.AllCandidatePairs(8, parallelism: 3).Select(p => (p.A, p.B)).ToList();
        var positions = index.AllCandidatePositions(8, parallelism: 2)
            .Select(p => (Math.Min(index.ClaimIdAt(p.A), index.ClaimIdAt(p.B)), Math.Max(index.ClaimIdAt(p.A), index.ClaimIdAt(p.B)))).ToList();

        Assert.True(pairs.Count > 5_000, $"{pairs.Count} pairs");
        Assert.Equal(pairs, positions);
        Assert.Equal(ids, Enumerable.Range(0, index.Count).Select(index.ClaimIdAt));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.ClaimIdAt(index.Count));
    }

    [Fact]
    public void Adding_the_same_claim_twice_throws()
    {
        var index = new CandidateIndex();
        index.Add(Subject(1, "a", null, "truce"));
        Assert.Throws<ArgumentException>(() => index.Add(Subject(1, "b", null, "truce")));
    }

    [Fact]
    public void Denial_and_report_of_90_percent_support_are_candidates_of_each_other()
    {
        var builder = new SubjectBuilder();
        foreach (var (_, _, claim) in SeedCorpus.Claims) builder.Learn(claim);
        var subjects = SeedCorpus.Claims.Select(c => builder.Build(c.Id, c.Article.Id, c.Claim)).ToList();
        var index = new CandidateIndex();
        index.AddRange(subjects);

        long report = SeedCorpus.IdOf("002", c => c.Text.Contains("Kyiv “90%” supports", StringComparison.Ordinal));
        long denial = SeedCorpus.IdOf("000", c => c.Text.StartsWith("The Ukrainian Ministry of Defense later denied", StringComparison.Ordinal));

        var fromReport = index.Query(subjects.Single(s => s.ClaimId == report), 10);
        var fromDenial = index.Query(subjects.Single(s => s.ClaimId == denial), 10);

        Assert.Contains(fromReport, c => c.ClaimId == denial);
        Assert.Contains(fromDenial, c => c.ClaimId == report);
        Assert.Contains(index.AllCandidatePairs(10), p => p.A == Math.Min(report, denial) && p.B == Math.Max(report, denial));
    }
}
