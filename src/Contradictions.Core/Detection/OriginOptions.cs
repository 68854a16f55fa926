namespace Contradictions.Core.Detection;

/// <summary>MinHash / LSH settings of <see cref="OriginClusterer"/>.</summary>
public sealed record OriginOptions
{
    /// <summary>Words per shingle.</summary>
    /// <value>Defaults to 5.</value>
    public int ShingleSize { get; init; } = 5;

    /// <summary>LSH bands; a band of <see cref="RowsPerBand"/> MinHash values that agree makes a candidate pair.</summary>
    /// <value>Defaults to 16 (with 4 rows: 64 hashes, a pair at Jaccard 0.8 is found with probability ≈ 0.9998).</value>
    public int Bands { get; init; } = 16;

    /// <summary>MinHash values per band.</summary>
    /// <value>Defaults to 4.</value>
    public int RowsPerBand { get; init; } = 4;

    /// <summary>Exact shingle Jaccard at or above which two sentences are copies of one origin.</summary>
    /// <value>Defaults to 0.8.</value>
    public double Threshold { get; init; } = 0.8;

    /// <summary>
    /// Lower Jaccard accepted for the sentence right before or after a copied pair, in the same position in both
    /// articles (a copied paragraph lightly edited: "implement agreements on the Black Sea" → "implement the Black Sea
    /// agreements"). The extension continues along the passage while neighbours pass.
    /// </summary>
    /// <value>Defaults to 0.3.</value>
    public double NeighbourThreshold { get; init; } = 0.3;

    /// <summary>Sentences with fewer words are never copies: "He declined to comment." is not syndication.</summary>
    /// <value>Defaults to 6.</value>
    public int MinWords { get; init; } = 6;

    /// <summary>
    /// Members kept per LSH bucket for comparison; a sentence repeated in thousands of articles is compared with at
    /// most this many earlier ones per band (enough to join the cluster), so cost stays linear.
    /// </summary>
    /// <value>Defaults to 32.</value>
    public int MaxBucketSize { get; init; } = 32;

    /// <summary>Threads computing shingles and MinHash signatures (the clusters are the same for any number).</summary>
    /// <value>Defaults to the processor count.</value>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
