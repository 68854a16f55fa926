using System.Globalization;
using Contradictions.Core.Stance;
using Spectre.Console;

namespace Contradictions.Cli.Output;

/// <summary>Prints stance metrics: FNC score, accuracy, per-class precision/recall/F1, macro-F1 and the confusion matrix.</summary>
internal static class MetricsReport
{
    public static void Write(IAnsiConsole console, string title, StanceMetrics m)
    {
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"FNC score {m.FncScore:0.##} of {m.FncMax:0.##} ({m.FncRelative:P2})   accuracy {m.Accuracy:P2}   macro-F1 {m.MacroF1:0.000}")));
        var classes = new Table().AddColumns("class", "precision", "recall", "F1", "support");
        foreach (var c in m.Classes)
        {
            classes.AddRow(c.Stance.ToLabel(), F(c.Precision), F(c.Recall), F(c.F1), c.Support.ToString(CultureInfo.InvariantCulture));
        }
        console.Write(classes);
        var confusion = new Table().AddColumn("gold \\ predicted");
        foreach (var s in StanceNames.All) confusion.AddColumn(s.ToLabel());
        foreach (var s in StanceNames.All)
        {
            confusion.AddRow([s.ToLabel(), .. m.Confusion[(int)s].Select(v => v.ToString(CultureInfo.InvariantCulture))]);
        }
        console.Write(confusion);
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
