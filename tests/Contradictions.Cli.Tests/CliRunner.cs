using System.Diagnostics;

namespace Contradictions.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the real CLI (contradictions.dll copied next to the tests) as a child process.</summary>
internal static class CliRunner
{
    public static CliResult Run(string workingDirectory, IDictionary<string, string?>? environment, params string[] args)
    {
        using var running = Start(workingDirectory, environment, args);
        return running.WaitForExit(TimeSpan.FromMinutes(2));
    }

    /// <summary>Starts the CLI without waiting, so a test can watch it and kill it.</summary>
    public static RunningCli Start(string workingDirectory, IDictionary<string, string?>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "contradictions.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("CONTRADICTIONS_DB");
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        return new RunningCli(Process.Start(psi)!, args);
    }
}

/// <summary>A CLI process in flight; disposing kills it if it is still running.</summary>
internal sealed class RunningCli : IDisposable
{
    private readonly Process process;
    private readonly string[] args;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    public RunningCli(Process process, string[] args)
    {
        this.process = process;
        this.args = args;
        // Drain both pipes from the start: a full pipe would block the child.
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    public bool HasExited => process.HasExited;

    public CliResult WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("CLI did not finish: " + string.Join(' ', args));
        }
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A hard kill (SIGKILL on Linux): no handler, no finally block, no flush runs in the child.</summary>
    public CliResult Kill()
    {
        process.Kill(entireProcessTree: true);
        return WaitForExit(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}

internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "contradictions-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
