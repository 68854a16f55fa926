using Contradictions.Core.Detection;
using Contradictions.Core.Text;

namespace Contradictions.Core.Tests.Detection;

public class SubjectBuilderTests
{
    [Fact]
    public void Counting_document_features_gives_the_statistics_and_subjects_of_learning_claim_by_claim()
    {
        var learner = new SubjectBuilder();
        foreach (var (_, _, claim) in SeedCorpus.Claims) learner.Learn(claim);
        var counted = new TermStatistics();
        var extractor = new SubjectBuilder();
        foreach (var (_, _, claim) in SeedCorpus.Claims) counted.AddDocument(extractor.DocumentFeatures(claim));

        Assert.Equal(learner.Statistics.DocumentCount, counted.DocumentCount);
        Assert.Equal(learner.Statistics.FeatureCount, counted.FeatureCount);
        var builder = new SubjectBuilder(statistics: counted);
        foreach (var (id, article, claim) in SeedCorpus.Claims)
        {
            var expected = learner.Build(id, article.Id, claim);
            var actual = builder.Build(id, article.Id, claim);
            Assert.Equal(expected.Terms, actual.Terms);
            Assert.Equal(expected.EntityKeys, actual.EntityKeys);
        }
    }

    [Fact]
    public void Builders_given_one_pool_share_each_term_and_build_the_same_subjects()
    {
        var pool = new TermPool();
        var (one, two, alone) = (new SubjectBuilder(terms: pool), new SubjectBuilder(terms: pool), new SubjectBuilder());
        var claims = SeedCorpus.Claims.Select(c => c.Claim).Where(c => c.Entities.Count > 0).Take(20).ToList();
        Assert.NotEmpty(claims);

        foreach (var claim in claims)
        {
            var (a, b, c) = (one.Terms(claim), two.Terms(claim), alone.Terms(claim));
            Assert.Equal(c.Features, a.Features);
            Assert.Equal(c.StemCounts, a.StemCounts);
            for (int i = 0; i < a.Features.Length; i++) Assert.Same(a.Features[i], b.Features[i]);
            Assert.Contains(a.Features, f => f.StartsWith(SubjectBuilder.EntityPrefix, StringComparison.Ordinal));
        }
        Assert.True(pool.Count > 0);
    }

    [Fact]
    public void A_claim_analysed_once_gives_the_document_features_and_the_subject_of_analysing_it_twice()
    {
        var learner = new SubjectBuilder();
        foreach (var (_, _, claim) in SeedCorpus.Claims) learner.Learn(claim);
        var analyser = new SubjectBuilder(statistics: learner.Statistics);

        foreach (var (id, article, claim) in SeedCorpus.Claims)
        {
            var terms = analyser.Terms(claim);
            Assert.Equal(analyser.DocumentFeatures(claim), terms.Features);
            var expected = learner.Build(id, article.Id, claim);
            var actual = analyser.Build(id, article.Id, claim, terms);
            Assert.Equal(expected.Terms, actual.Terms);
            Assert.Equal(expected.EntityKeys, actual.EntityKeys);
            Assert.Equal(expected.Numbers, actual.Numbers);
        }
    }

    [Fact]
    public void Terms_counted_with_other_limits_still_give_the_builders_own_subject()
    {
        var learner = new SubjectBuilder();
        foreach (var (_, _, claim) in SeedCorpus.Claims) learner.Learn(claim);
        var analyser = new SubjectBuilder(statistics: learner.Statistics);
        var narrow = new SubjectBuilder(new SubjectOptions { MaxEntities = 1 });
        var (id, article, many) = SeedCorpus.Claims.First(c => c.Claim.Entities.Select(e => e.Key).Distinct().Count() > 1);

        var subject = analyser.Build(id, article.Id, many, narrow.Terms(many));
        var expected = learner.Build(id, article.Id, many);
        Assert.Equal(expected.Terms, subject.Terms);
        Assert.True(subject.EntityKeys.Count > 1);

        // As many features as the builder's keys, split otherwise: one entity fewer, a number more in their place.
        var terms = analyser.Terms(many);
        int stems = terms.StemCounts.Length;
        var shifted = terms.Features[..(stems + 1)].Append(SubjectBuilder.NumberPrefix + "7").Concat(terms.Features[(stems + 2)..]).ToArray();
        Assert.Equal(expected.Terms, analyser.Build(id, article.Id, many, terms with { Features = shifted }).Terms);
        Assert.Equal(expected.Terms, analyser.Build(id, article.Id, many, terms with { Features = [] }).Terms);
    }

    [Fact]
    public void Subject_drops_stop_words_stems_terms_and_is_l2_normalised()
    {
        var claim = TestArticles.Single("The ministry denied reports that the talks collapsed in Paris on Friday.");
        var builder = new SubjectBuilder();
        builder.Learn(claim);
        var subject = builder.Build(7, "a.txt", claim);

        Assert.Equal(7, subject.ClaimId);
        Assert.Equal("a.txt", subject.ArticleKey);
        var terms = subject.Terms.Select(t => t.Term).ToList();
        Assert.DoesNotContain("the", terms);
        Assert.DoesNotContain("that", terms);
        Assert.Contains("report", terms);
        Assert.Contains("collaps", terms);
        double norm = Math.Sqrt(subject.Terms.Sum(t => (double)t.Weight * t.Weight));
        Assert.Equal(1.0, norm, 4);
        Assert.True(subject.Terms.Zip(subject.Terms.Skip(1)).All(p => p.First.Weight >= p.Second.Weight));
    }

    [Fact]
    public void Entity_keys_are_features_weighted_above_a_word_of_equal_rarity()
    {
        var claim = TestArticles.Single("Dmitry Peskov said Moscow would study the proposal carefully.");
        var builder = new SubjectBuilder();
        builder.Learn(claim);
        var subject = builder.Build(1, "a.txt", claim);

        Assert.NotEmpty(subject.EntityKeys);
        var entity = subject.Terms.First(t => t.IsEntity);
        var word = subject.Terms.First(t => !t.IsEntity && !t.IsNumber);
        Assert.True(entity.Weight > word.Weight);
        Assert.Equal(SubjectBuilder.EntityPrefix + subject.EntityKeys[0], subject.Terms.First(t => t.IsEntity && t.Term.EndsWith(subject.EntityKeys[0], StringComparison.Ordinal)).Term);
    }

    [Fact]
    public void Keeps_at_most_the_configured_number_of_salient_terms()
    {
        var claim = TestArticles.Single("Officials discussed energy facilities, shipping lanes, grain exports, prisoner exchanges, sanctions relief, frozen assets, territorial lines, security guarantees, reconstruction funds and elections.");
        var builder = new SubjectBuilder(new SubjectOptions { MaxTerms = 5 });
        builder.Learn(claim);
        var subject = builder.Build(1, "a.txt", claim);
        Assert.Equal(5, subject.Terms.Count(t => !t.IsEntity && !t.IsNumber));
    }

    [Fact]
    public void Rare_terms_outweigh_common_ones_after_learning_the_corpus()
    {
        var builder = new SubjectBuilder();
        for (int i = 0; i < 20; i++) builder.Learn(TestArticles.Single($"Officials met again in the capital on day {i} of talks."));
        var claim = TestArticles.Single("Officials met to discuss desalination in the capital.");
        builder.Learn(claim);
        var subject = builder.Build(1, "a.txt", claim);
        float Weight(string stem) => subject.Terms.Single(t => t.Term == stem).Weight;
        Assert.True(Weight("desalination") > Weight("official"));
        Assert.Equal(21, builder.Statistics.DocumentCount);
    }

    [Fact]
    public void Numbers_are_canonical_value_and_unit_features()
    {
        var claim = TestArticles.Single("The survey found that 90% of respondents support the plan.");
        var builder = new SubjectBuilder();
        builder.Learn(claim);
        var subject = builder.Build(1, "a.txt", claim);
        Assert.Contains("90%", subject.Numbers);
        Assert.Contains(subject.Terms, t => t.Term == "n:90%");
        Assert.DoesNotContain(subject.Terms, t => t.Term == "90");
    }

    [Fact]
    public void Speaker_key_is_the_innermost_attribution()
    {
        var claim = TestArticles.Single("Kremlin spokesman Dmitry Peskov said the talks were constructive.");
        var subject = new SubjectBuilder().Build(1, "a.txt", claim);
        Assert.Equal(claim.Speaker!.Key, subject.SpeakerKey);
    }
}
