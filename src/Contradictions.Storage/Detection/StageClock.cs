using System.Diagnostics;

namespace Contradictions.Storage.Detection;

/// <summary>
/// Times consecutive stages: each <see cref="Lap"/> closes the stage that ran since the previous one, with its wall
/// time, the CPU time of the whole process (all threads), which on a shared machine says more than the wall time,
/// and the bytes allocated.
/// </summary>
internal sealed class StageClock
{
    private readonly List<StageTiming> stages = [];
    private long started = Stopwatch.GetTimestamp();
    private TimeSpan cpu = CpuTime();
    private long allocated = GC.GetTotalAllocatedBytes();

    public IReadOnlyList<StageTiming> Stages => stages;

    public void Lap(string stage)
    {
        long now = Stopwatch.GetTimestamp();
        var cpuNow = CpuTime();
        long allocatedNow = GC.GetTotalAllocatedBytes();
        stages.Add(new StageTiming(stage, Stopwatch.GetElapsedTime(started, now), cpuNow - cpu) { Allocated = allocatedNow - allocated });
        started = now;
        cpu = cpuNow;
        allocated = allocatedNow;
    }

    /// <summary>Splits wall time measured inside a stage out of it (e.g. SQLite writes during ingest).</summary>
    public void Add(string stage, TimeSpan elapsed) => stages.Add(new StageTiming(stage, elapsed, null));

    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
