using System.Text;
using static Contradictions.Web.Html;

namespace Contradictions.Web;

/// <summary>
/// Estimates with their credible intervals as inline SVG drawn on the server: one row per source, a bar from the
/// interval's low to high end and a dot at the estimate, on a 0–1 axis. No script and no inline style (the CSP allows
/// neither): lengths are attributes and colours come from app.css. Every label goes through <see cref="Html.E"/>.
/// </summary>
internal static class IntervalChart
{
    public sealed record Row(string Label, string Kind, double Estimate, double Low, double High);

    private const int RightMargin = 24;
    private const int RowHeight = 20;
    private const int Top = 30;
    private const int Bottom = 8;
    private const int LabelGap = 8;

    /// <param name="labelWidth">Pixels for the labels; a label longer than about one character per 7 pixels is cut (the row's tooltip keeps it whole).</param>
    /// <param name="plotWidth">Pixels for the 0–1 axis.</param>
    public static string Svg(IReadOnlyList<Row> rows, string title, string id, int labelWidth = 300, int plotWidth = 440)
    {
        int maxLabel = Math.Max(8, labelWidth / 7);
        string X(double value) => N(labelWidth + Math.Clamp(value, 0, 1) * plotWidth, "0.#");
        int width = labelWidth + plotWidth + RightMargin;
        int height = Top + rows.Count * RowHeight + Bottom;
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"interval-chart\" id=\"{E(id)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(title)}\">");
        sb.Append($"<title>{E(title)}</title>");
        foreach (var tick in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
        {
            var x = X(tick);
            sb.Append($"<line class=\"grid\" x1=\"{x}\" y1=\"{Top - 6}\" x2=\"{x}\" y2=\"{height - Bottom}\"></line>");
            sb.Append($"<text class=\"tick\" x=\"{x}\" y=\"{Top - 12}\" text-anchor=\"middle\">{N(tick, "0.##")}</text>");
        }
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = N(Top + i * RowHeight + RowHeight / 2.0, "0.#");
            var label = r.Label.Length <= maxLabel ? r.Label : r.Label[..(maxLabel - 1)] + "…";
            sb.Append($"<g class=\"row {E(r.Kind)}\"><title>{E(r.Label)} ({E(r.Kind)}): estimate {N(r.Estimate)}, 90% interval {N(r.Low)}–{N(r.High)}</title>");
            sb.Append($"<text class=\"label\" x=\"{labelWidth - LabelGap}\" y=\"{y}\" dy=\"4\" text-anchor=\"end\">{E(label)}</text>");
            sb.Append($"<line class=\"interval\" x1=\"{X(r.Low)}\" y1=\"{y}\" x2=\"{X(r.High)}\" y2=\"{y}\"></line>");
            sb.Append($"<circle class=\"estimate\" cx=\"{X(r.Estimate)}\" cy=\"{y}\" r=\"4\"></circle></g>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }
}
