namespace Contradictions.Core.Stance;

/// <summary>Probabilities of the four stances; they sum to 1.</summary>
public readonly record struct StanceProbabilities(float Agree, float Disagree, float Discuss, float Unrelated)
{
    public float this[Stance stance] => stance switch
    {
        Stance.Agree => Agree,
        Stance.Disagree => Disagree,
        Stance.Discuss => Discuss,
        Stance.Unrelated => Unrelated,
        _ => throw new ArgumentOutOfRangeException(nameof(stance)),
    };

    /// <summary>The most probable stance (ties go to the earlier class in <see cref="Stance"/> order).</summary>
    public Stance Predicted
    {
        get
        {
            var best = Stance.Agree;
            foreach (var s in StanceNames.All)
            {
                if (this[s] > this[best]) best = s;
            }
            return best;
        }
    }

    /// <summary>Probability that the passage is about the claim at all.</summary>
    public float Related => Agree + Disagree + Discuss;
}
