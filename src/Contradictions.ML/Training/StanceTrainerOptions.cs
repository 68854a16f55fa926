using Contradictions.ML.Features;
using Contradictions.ML.Model;

namespace Contradictions.ML.Training;

/// <summary>Stance training settings; defaults are the ones the committed model was trained with.</summary>
public sealed class StanceTrainerOptions
{
    /// <summary>Seed for ML.NET, the LSA test matrix and the tuning split: the same data gives the same model.</summary>
    /// <value>Defaults to 42.</value>
    public int Seed { get; init; } = 42;

    /// <summary>Two-stage (related, then agree/disagree/discuss) or one-versus-all over four classes.</summary>
    /// <value>Defaults to <see cref="ModelShape.TwoStage"/>, which scored higher on the hold-out split.</value>
    public ModelShape Shape { get; init; } = ModelShape.TwoStage;

    /// <summary>Boosting rounds per stance head (agree, disagree, discuss; all four heads in one-stage shape).</summary>
    /// <value>Defaults to 200.</value>
    public int NumberOfTrees { get; init; } = 200;

    /// <summary>
    /// Boosting rounds of the two-stage related/unrelated head. It runs for every pair, so it is kept small;
    /// relatedness is nearly separable by the cosine features and 100 rounds lose nothing on the hold-out.
    /// </summary>
    /// <value>Defaults to 100.</value>
    public int RelatedTrees { get; init; } = 100;

    /// <summary>Leaves per tree.</summary>
    /// <value>Defaults to 20.</value>
    public int NumberOfLeaves { get; init; } = 20;

    /// <summary>Smallest number of training examples in a leaf.</summary>
    /// <value>Defaults to 10.</value>
    public int MinimumExampleCountPerLeaf { get; init; } = 10;

    /// <summary>Shrinkage of each boosting step.</summary>
    /// <value>Defaults to 0.1.</value>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>
    /// Exponent of inverse-frequency example weights in the stance heads: 0 is unweighted, 1 fully balanced.
    /// Disagree is 1.7% of FNC-1 pairs; partial balancing lifts its recall without flooding precision.
    /// </summary>
    /// <value>Defaults to 0.5.</value>
    public double ClassWeightExponent { get; init; } = 0.5;

    /// <summary>Whether per-class probability scales are tuned for macro-F1 and FNC score on an inner split of the training passages.</summary>
    /// <value>Defaults to true.</value>
    public bool TuneClassScale { get; init; } = true;

    /// <summary>Share of training passages held out for tuning the class scales (never the evaluation hold-out).</summary>
    /// <value>Defaults to 0.2.</value>
    public double TuningFraction { get; init; } = 0.2;

    /// <summary>
    /// Example weight of a reviewer-labelled pair (<c>train --with-reviews</c>) relative to an FNC-1 pair: a
    /// handful of verdicts on news sentence pairs, the detector's real input, should move a model trained on tens of
    /// thousands of headline pairs. Multiplies the class weight.
    /// </summary>
    /// <value>Defaults to 20.</value>
    public float ReviewWeight { get; init; } = 20f;

    /// <summary>Vocabulary and LSA settings.</summary>
    public TextModelOptions Text { get; init; } = new();
}
