namespace Contradictions.Core.Detection;

/// <summary>
/// One feature of a <see cref="ClaimSubject"/> with its TF-IDF weight. <see cref="Term"/> is a stem ("deni"),
/// an entity key prefixed <c>e:</c> ("e:ukraine ministry of defense") or a number prefixed <c>n:</c> ("n:90%").
/// </summary>
public readonly record struct WeightedTerm(string Term, float Weight)
{
    public bool IsEntity => Term.StartsWith(SubjectBuilder.EntityPrefix, StringComparison.Ordinal);

    public bool IsNumber => Term.StartsWith(SubjectBuilder.NumberPrefix, StringComparison.Ordinal);

    public override string ToString() => $"{Term}:{Weight:0.###}";
}
