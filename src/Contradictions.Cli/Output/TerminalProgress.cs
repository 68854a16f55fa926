using System.Diagnostics;

namespace Contradictions.Cli.Output;

/// <summary>Progress lines on standard error with elapsed time, so standard output stays clean for data.</summary>
internal sealed class TerminalProgress : IProgress<string>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly bool quiet;

    public TerminalProgress(bool quiet) => this.quiet = quiet;

    public void Report(string value)
    {
        if (!quiet) Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {value}");
    }
}
