using System.Diagnostics;

namespace Contradictions.Storage.Detection;

/// <summary>Times consecutive stages: each <see cref="Lap"/> closes the stage that ran since the previous one.</summary>
internal sealed class StageClock
{
    private readonly List<StageTiming> stages = [];
    private long started = Stopwatch.GetTimestamp();

    public IReadOnlyList<StageTiming> Stages => stages;

    public void Lap(string stage)
    {
        long now = Stopwatch.GetTimestamp();
        stages.Add(new StageTiming(stage, Stopwatch.GetElapsedTime(started, now)));
        started = now;
    }

    /// <summary>Splits time measured inside a stage out of it (e.g. SQLite writes during ingest).</summary>
    public void Add(string stage, TimeSpan elapsed) => stages.Add(new StageTiming(stage, elapsed));
}
