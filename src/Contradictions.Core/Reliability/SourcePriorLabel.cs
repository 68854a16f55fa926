namespace Contradictions.Core.Reliability;

/// <summary>Reliability labels of the source-priors list (Burdisso et al., NAACL 2024); values are the file's codes.</summary>
public enum SourcePriorLabel
{
    Blacklisted = -2,
    Unreliable = -1,
    Mixed = 0,
    Reliable = 1,
}
