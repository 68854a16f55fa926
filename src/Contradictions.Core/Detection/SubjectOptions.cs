namespace Contradictions.Core.Detection;

/// <summary>How <see cref="SubjectBuilder"/> turns a claim into a <see cref="ClaimSubject"/>.</summary>
public sealed record SubjectOptions
{
    /// <summary>Salient stems kept per claim, by TF-IDF weight.</summary>
    /// <value>Defaults to 12.</value>
    public int MaxTerms { get; init; } = 12;

    /// <summary>Entity keys kept per claim (in order of mention).</summary>
    /// <value>Defaults to 8.</value>
    public int MaxEntities { get; init; } = 8;

    /// <summary>Numbers kept per claim (in order of mention).</summary>
    /// <value>Defaults to 4.</value>
    public int MaxNumbers { get; init; } = 4;

    /// <summary>Multiplier on an entity feature's IDF weight: a shared entity says more about the subject than a shared word.</summary>
    /// <value>Defaults to 2.</value>
    public float EntityBoost { get; init; } = 2f;

    /// <summary>Multiplier on a number feature's IDF weight.</summary>
    /// <value>Defaults to 1.</value>
    public float NumberBoost { get; init; } = 1f;

    /// <summary>Stems shorter than this are dropped (after stop words).</summary>
    /// <value>Defaults to 2.</value>
    public int MinTermLength { get; init; } = 2;
}
