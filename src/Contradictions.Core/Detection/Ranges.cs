namespace Contradictions.Core.Detection;

/// <summary>
/// How a batch is cut for work on several threads: consecutive ranges in item order, one a thread at most, none
/// shorter than <see cref="MinItems"/> (a thread for fewer items costs more than it saves).
/// </summary>
internal static class Ranges
{
    public const int MinItems = 1_024;

    /// <summary>How many ranges <paramref name="items"/> are cut into on <paramref name="parallelism"/> threads: at least one.</summary>
    public static int Count(int items, int parallelism) => Math.Min(parallelism, Math.Max(1, items / MinItems));

    /// <summary>Range <paramref name="range"/> of <paramref name="ranges"/> over <paramref name="items"/>: start inclusive, end exclusive.</summary>
    public static (int Start, int End) Of(int items, int range, int ranges) =>
        ((int)((long)items * range / ranges), (int)((long)items * (range + 1) / ranges));
}
