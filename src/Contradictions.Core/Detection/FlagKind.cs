namespace Contradictions.Core.Detection;

/// <summary>
/// What kind of contradiction a flag is. Rules (<see cref="PairFeatureExtractor.Kind"/>):
/// <list type="bullet">
/// <item><see cref="Denial"/>: exactly one side is a denial and it covers the other side's content.</item>
/// <item><see cref="Factual"/>: no denial, and a numeric conflict or an antonym pair fires, or a negation asymmetry within one speaker's words.</item>
/// <item><see cref="Position"/>: otherwise: two different parties' stated positions are incompatible by the model's judgement
/// (for example "ready to recognise Crimea as Russian" against "will not recognise any occupied territory").</item>
/// </list>
/// </summary>
public enum FlagKind
{
    Denial,
    Factual,
    Position,
}
