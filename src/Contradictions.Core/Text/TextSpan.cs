namespace Contradictions.Core.Text;

/// <summary>A character range: <see cref="Start"/> and <see cref="Length"/> in some text (which text is up to the owner).</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Slice(string text) => text.Substring(Start, Length);
}
