namespace Contradictions.Core.Detection;

/// <summary>
/// What kind of contradiction a flag is. Rules (<see cref="PairFeatureExtractor.Kind"/>):
/// <list type="bullet">
/// <item><see cref="Denial"/>: exactly one side is a denial and it covers the other side's content.</item>
/// <item><see cref="Factual"/>: both sides assert, and a numeric conflict, an antonym pair or a negation asymmetry fires.</item>
/// <item><see cref="Position"/>: neither rule fires; two parties' stated positions are incompatible by the model's judgement.</item>
/// </list>
/// </summary>
public enum FlagKind
{
    Denial,
    Factual,
    Position,
}
