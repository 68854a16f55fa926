using Contradictions.Core.Detection;

namespace Contradictions.Web;

/// <summary>How the review server runs.</summary>
public sealed class WebOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5000";
    public const string TokenEnvironmentVariable = "CONTRADICTIONS_TOKEN";

    /// <summary>SQLite database file (created if missing).</summary>
    public required string DbPath { get; init; }

    /// <summary>Addresses to listen on, separated by ';'. Port 0 picks a free port.</summary>
    /// <value>Defaults to <c>http://127.0.0.1:5000</c>.</value>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>When set, every request needs it (Bearer header or the cookie set from <c>?token=</c>). Required off loopback.</summary>
    public string? Token { get; init; }

    /// <summary>Loads the contradiction scorer for <c>POST /api/articles</c> (loaded once, on first use).</summary>
    public Func<IContradictionScorer>? ScorerFactory { get; init; }

    /// <summary>Outlet priors CSV for the reliability pages (<c>domain,reliability_label,…</c>).</summary>
    /// <value>Defaults to null: <c>data/source-priors/golden_truth_dataset.csv</c> in the working folder, else the copy next to the program, else no priors.</value>
    public string? PriorsPath { get; init; }

    /// <summary>Time source for verdicts.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
