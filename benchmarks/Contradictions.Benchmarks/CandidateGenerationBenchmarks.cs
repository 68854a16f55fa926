using BenchmarkDotNet.Attributes;
using Contradictions.Core.Detection;

namespace Contradictions.Benchmarks;

/// <summary>
/// Candidate generation at scale: build a <see cref="CandidateIndex"/> over N synthetic but realistically shaped
/// claim subjects and retrieve the top-10 candidates of every claim (<see cref="CandidateIndex.AllCandidatePairs"/>).
/// Vocabulary of 50,000 stems and 200,000 entity keys, both Zipf-distributed (s = 1); claims come in stories
/// (5–60 claims sharing 4–8 story stems and 1–3 story entities) so true candidates exist; each claim has
/// 8–15 stems (about 40% from its story), 1–3 entities, a number in one claim of five; ~12 claims per article,
/// speakers from 5,000 (Zipf) or none. Subjects are generated in setup (not timed).
/// Growth exponent = log(t(1M) / t(10k)) / log(100); the requirement is ≤ 1.15.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class CandidateGenerationBenchmarks
{
    private const int Vocabulary = 50_000;
    private const int EntityKeys = 200_000;
    private const int Speakers = 5_000;

    private List<ClaimSubject> _subjects = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Claims { get; set; }

    [GlobalSetup]
    public void Setup() => _subjects = Synthetic(Claims, seed: 4);

    /// <summary>Index all claims, then the top-10 candidates of every claim as deduplicated pairs.</summary>
    [Benchmark]
    public int BuildAndQueryAllTop10()
    {
        var index = new CandidateIndex();
        index.AddRange(_subjects);
        int pairs = 0;
        foreach (var _ in index.AllCandidatePairs(10)) pairs++;
        return pairs;
    }

    /// <summary>Indexing alone, for the breakdown.</summary>
    [Benchmark]
    public int BuildOnly()
    {
        var index = new CandidateIndex();
        index.AddRange(_subjects);
        return index.FeatureCount;
    }

    public static List<ClaimSubject> Synthetic(int claims, int seed)
    {
        var random = new Random(seed);
        var words = new string[Vocabulary];
        for (int i = 0; i < words.Length; i++) words[i] = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entities = new string[EntityKeys];
        for (int i = 0; i < entities.Length; i++) entities[i] = SubjectBuilder.EntityPrefix + "entity " + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var speakers = new string[Speakers];
        for (int i = 0; i < speakers.Length; i++) speakers[i] = "speaker " + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var numbers = new string[200];
        for (int i = 0; i < numbers.Length; i++) numbers[i] = SubjectBuilder.NumberPrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + (i % 3 == 0 ? "%" : "");
        var wordPick = new Zipf(Vocabulary, 1.0);
        var entityPick = new Zipf(EntityKeys, 1.0);
        var speakerPick = new Zipf(Speakers, 1.0);

        var result = new List<ClaimSubject>(claims);
        var terms = new List<WeightedTerm>(24);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entityKeys = new List<string>(4);
        var storyWords = new List<int>(8);
        var storyEntities = new List<int>(3);
        int storyLeft = 0;
        long id = 0;
        while (result.Count < claims)
        {
            if (storyLeft == 0)
            {
                storyLeft = 5 + random.Next(56);
                storyWords.Clear();
                storyEntities.Clear();
                // Story stems are mid-frequency (ranks 500–50,000): what makes a story distinctive.
                for (int i = 4 + random.Next(5); i > 0; i--) storyWords.Add(500 + random.Next(Vocabulary - 500));
                for (int i = 1 + random.Next(3); i > 0; i--) storyEntities.Add(entityPick.Next(random));
            }
            storyLeft--;

            terms.Clear();
            seen.Clear();
            entityKeys.Clear();
            int stems = 8 + random.Next(8);
            for (int i = 0; i < stems; i++)
            {
                int rank = random.NextDouble() < 0.4 ? storyWords[random.Next(storyWords.Count)] : wordPick.Next(random);
                if (seen.Add(words[rank])) terms.Add(new WeightedTerm(words[rank], Idf(rank, Vocabulary)));
            }
            for (int i = 1 + random.Next(3); i > 0; i--)
            {
                int rank = random.NextDouble() < 0.6 ? storyEntities[random.Next(storyEntities.Count)] : entityPick.Next(random);
                if (!seen.Add(entities[rank])) continue;
                terms.Add(new WeightedTerm(entities[rank], 2f * Idf(rank, EntityKeys)));
                entityKeys.Add(entities[rank][SubjectBuilder.EntityPrefix.Length..]);
            }
            string[] claimNumbers = [];
            if (random.Next(5) == 0)
            {
                var n = numbers[random.Next(numbers.Length)];
                if (seen.Add(n)) terms.Add(new WeightedTerm(n, Idf(random.Next(numbers.Length), numbers.Length)));
                claimNumbers = [n[SubjectBuilder.NumberPrefix.Length..]];
            }

            double norm = 0;
            foreach (var t in terms) norm += (double)t.Weight * t.Weight;
            float inv = (float)(1 / Math.Sqrt(norm));
            var weighted = new WeightedTerm[terms.Count];
            for (int i = 0; i < weighted.Length; i++) weighted[i] = terms[i] with { Weight = terms[i].Weight * inv };
            Array.Sort(weighted, static (a, b) => b.Weight.CompareTo(a.Weight));

            string article = "article " + (id / 12).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string? speaker = random.Next(3) == 0 ? null : speakers[speakerPick.Next(random)];
            result.Add(new ClaimSubject(id++, article, speaker, [.. entityKeys], weighted, claimNumbers));
        }
        return result;
    }

    /// <summary>IDF of a Zipf rank: rarer (higher rank) weighs more.</summary>
    private static float Idf(int rank, int size) => 1f + MathF.Log(1f + rank * 1000f / size);

    private sealed class Zipf
    {
        private readonly double[] _cumulative;

        public Zipf(int size, double s)
        {
            _cumulative = new double[size];
            double sum = 0;
            for (int i = 0; i < size; i++) _cumulative[i] = sum += 1 / Math.Pow(i + 1, s);
            for (int i = 0; i < size; i++) _cumulative[i] /= sum;
        }

        public int Next(Random random)
        {
            int i = Array.BinarySearch(_cumulative, random.NextDouble());
            return Math.Min(i < 0 ? ~i : i, _cumulative.Length - 1);
        }
    }
}
