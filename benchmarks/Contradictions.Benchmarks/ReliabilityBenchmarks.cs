using BenchmarkDotNet.Attributes;
using Contradictions.Core.Reliability;

namespace Contradictions.Benchmarks;

/// <summary>
/// Recomputing reliability after a batch of reviewer verdicts, on a synthetic but realistically shaped graph:
/// 100k claims, ~2k sources (1,500 outlets, 500 speakers) chosen by a power law, chains of 1–3 links,
/// 10% of mentions copies of an earlier one, 5% of claims with verdicts (the batch), latent truths and reliabilities.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class ReliabilityBenchmarks
{
    private EvidenceGraph _graph = null!;
    private ReliabilityModel _model = null!;
    private List<KeyValuePair<string, bool?>> _set = null!;
    private List<KeyValuePair<string, bool?>> _clear = null!;
    private int _calls;

    [Params(100_000)]
    public int Claims { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _graph = SyntheticGraph(Claims, seed: 1);
        _model = new ReliabilityModel(_graph);
        _model.Compute();
        // A batch of 1,000 reviewer verdicts spread over the graph; alternate invocations set and clear it.
        var ids = Enumerable.Range(0, 1000).Select(i => $"c{(i * 97) % Claims}").ToList();
        _set = [.. ids.Select((id, i) => new KeyValuePair<string, bool?>(id, i % 3 != 0))];
        _clear = [.. ids.Select(id => new KeyValuePair<string, bool?>(id, null))];
    }

    /// <summary>The requirement: recompute every reliability after a batch of verdicts, graph already indexed.</summary>
    [Benchmark(Baseline = true)]
    public ReliabilityResult RecomputeAfterVerdicts() => _model.ApplyVerdicts(_calls++ % 2 == 0 ? _set : _clear);

    /// <summary>For comparison: index the graph and run EM from the priors.</summary>
    [Benchmark]
    public ReliabilityResult IndexAndRunFromScratch() => TruthDiscovery.Run(_graph);

    internal static EvidenceGraph SyntheticGraph(int claims, int seed)
    {
        var random = new Random(seed);
        var outlets = Enumerable.Range(0, 1500).Select(i => SourceRef.Outlet($"outlet{i}.example")).ToArray();
        var speakers = Enumerable.Range(0, 500).Select(i => SourceRef.Speaker($"Speaker {i}")).ToArray();
        var outletSkill = outlets.Select(_ => 0.5 + 0.45 * random.NextDouble()).ToArray();
        var speakerSkill = speakers.Select(_ => 0.4 + 0.55 * random.NextDouble()).ToArray();
        var outletPick = Zipf(outlets.Length, 1.1);
        var speakerPick = Zipf(speakers.Length, 1.1);
        var builder = new EvidenceGraphBuilder();
        var origins = new List<(string Claim, string Origin, AssertionStance Stance, ChainLink[] Tail)>();

        for (var c = 0; c < claims; c++)
        {
            var claimId = $"c{c}";
            var truth = random.NextDouble() < 0.6;
            builder.AddClaim(claimId, random.NextDouble() < 0.05 ? truth : null);
            var mentions = 1 + (int)(-Math.Log(1 - random.NextDouble()) * 1.2);
            for (var m = 0; m < mentions; m++)
            {
                if (origins.Count > 0 && random.NextDouble() < 0.1)
                {
                    // A copy: another outlet republishes an earlier mention of some claim, chain and all.
                    var (copyClaim, origin, copyStance, tail) = origins[random.Next(origins.Count)];
                    builder.AddMention(copyClaim, origin, copyStance, [new ChainLink(outlets[Pick(outletPick, random)]), .. tail]);
                    continue;
                }

                var outlet = Pick(outletPick, random);
                var links = 1 + random.Next(3);
                var tailLinks = new List<ChainLink>();
                var skill = outletSkill[outlet];
                if (links == 3) tailLinks.Add(new ChainLink(outlets[Pick(outletPick, random)]));
                if (links >= 2)
                {
                    var speaker = Pick(speakerPick, random);
                    var anonymous = random.NextDouble() < 0.2;
                    tailLinks.Add(new ChainLink(anonymous ? SourceRef.AnonymousSpeaker("unnamed official", outlets[outlet].Name) : speakers[speaker], anonymous));
                    skill = speakerSkill[speaker];
                }

                var right = random.NextDouble() < skill;
                var stance = right == truth ? AssertionStance.Supports : AssertionStance.Refutes;
                var originId = $"o{c}-{m}";
                var tailArray = tailLinks.ToArray();
                builder.AddMention(claimId, originId, stance, [new ChainLink(outlets[outlet]), .. tailArray]);
                origins.Add((claimId, originId, stance, tailArray));
            }
        }

        return builder.Build();
    }

    private static double[] Zipf(int n, double exponent)
    {
        var cumulative = new double[n];
        var total = 0.0;
        for (var i = 0; i < n; i++) cumulative[i] = total += 1 / Math.Pow(i + 1, exponent);
        for (var i = 0; i < n; i++) cumulative[i] /= total;
        return cumulative;
    }

    private static int Pick(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(cumulative.Length - 1, index < 0 ? ~index : index);
    }
}
