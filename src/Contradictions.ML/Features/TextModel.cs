using System.Numerics.Tensors;

namespace Contradictions.ML.Features;

/// <summary>A sparse TF-IDF vector: sorted term ids with L2-normalised weights.</summary>
internal readonly record struct SparseVector(int[] Ids, float[] Weights)
{
    public static readonly SparseVector Empty = new([], []);
}

/// <summary>
/// Vocabulary, IDF and an LSA projection learned from the training text itself (no pretrained embeddings are
/// available here). The LSA basis is an orthonormal basis of the top right-singular subspace of the
/// document-term TF-IDF matrix, found by a randomised range finder (Halko, Martinsson &amp; Tropp 2011);
/// cosines between projections are LSA cosines because a rotation inside the subspace preserves them.
/// </summary>
internal sealed class TextModel
{
    private readonly Dictionary<string, int> ids;

    public string[] Terms { get; }
    public float[] Idf { get; }
    public int Dimensions { get; }
    /// <summary>Row-major terms × dimensions.</summary>
    public float[] Basis { get; }

    private TextModel(string[] terms, float[] idf, int dimensions, float[] basis)
    {
        Terms = terms;
        Idf = idf;
        Dimensions = dimensions;
        Basis = basis;
        ids = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (int i = 0; i < terms.Length; i++) ids[terms[i]] = i;
        idsBySpan = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> idsBySpan;

    /// <summary>The term's id, or -1 if it is not in the vocabulary; looked up by its characters, no string made.</summary>
    public int IdOf(ReadOnlySpan<char> term) => idsBySpan.TryGetValue(term, out int id) ? id : -1;

    public SparseVector Vectorize(ReadOnlySpan<string> stems)
    {
        if (stems.Length == 0) return SparseVector.Empty;
        int[]? heap = stems.Length > 256 ? new int[stems.Length] : null;
        Span<int> found = heap ?? stackalloc int[stems.Length];
        int n = 0;
        foreach (var stem in stems)
        {
            if (ids.TryGetValue(stem, out int id)) found[n++] = id;
        }
        return VectorizeIds(found[..n]);
    }

    /// <summary>
    /// The vector of a text whose known terms' ids are <paramref name="found"/>, one per occurrence (sorted here, in
    /// place): what <see cref="Vectorize"/> gives for its stems.
    /// </summary>
    public SparseVector VectorizeIds(Span<int> found)
    {
        int n = found.Length;
        if (n == 0) return SparseVector.Empty;
        // Sorted, then counted by runs: no dictionary per text.
        found.Sort();
        int distinct = 1;
        for (int i = 1; i < n; i++) if (found[i] != found[i - 1]) distinct++;
        var keys = new int[distinct];
        var weights = new float[distinct];
        double norm = 0;
        for (int i = 0, k = 0; i < n; k++)
        {
            int start = i;
            while (i < n && found[i] == found[start]) i++;
            keys[k] = found[start];
            float w = (1 + MathF.Log(i - start)) * Idf[keys[k]];
            weights[k] = w;
            norm += w * w;
        }
        float inv = (float)(1 / Math.Sqrt(norm));
        for (int i = 0; i < weights.Length; i++) weights[i] *= inv;
        return new SparseVector(keys, weights);
    }

    /// <summary>Unit-length LSA projection of a TF-IDF vector (all zeros for an empty vector).</summary>
    public float[] Project(SparseVector v)
    {
        var result = new float[Dimensions];
        var span = result.AsSpan();
        for (int i = 0; i < v.Ids.Length; i++)
        {
            var row = Basis.AsSpan(v.Ids[i] * Dimensions, Dimensions);
            TensorPrimitives.MultiplyAdd(row, v.Weights[i], span, span);
        }
        float norm = TensorPrimitives.Norm(span);
        if (norm > 0) TensorPrimitives.Divide(span, norm, span);
        return result;
    }

    public static TextModel Build(IReadOnlyList<string[]> documents, TextModelOptions options)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            foreach (var stem in doc.Distinct()) df[stem] = df.GetValueOrDefault(stem) + 1;
        }
        var terms = df.Where(kv => kv.Value >= options.MinDocumentFrequency)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(options.MaxTerms).Select(kv => kv.Key)
            .OrderBy(t => t, StringComparer.Ordinal).ToArray();
        int n = documents.Count;
        var idf = terms.Select(t => (float)(Math.Log((n + 1.0) / (df[t] + 1.0)) + 1)).ToArray();
        var model = new TextModel(terms, idf, options.LsaDimensions, new float[terms.Length * options.LsaDimensions]);
        var rows = documents.Select(d => model.Vectorize(d)).ToArray();
        RangeFinder(rows, terms.Length, options.LsaDimensions, options.PowerIterations, options.Seed, model.Basis);
        return model;
    }

    // Y = Aᵀ Ω, then q rounds of Y = Aᵀ (A Y) with re-orthonormalisation; the basis is orth(Y).
    private static void RangeFinder(SparseVector[] rows, int terms, int k, int powerIterations, int seed, float[] basis)
    {
        var random = new Random(seed);
        var y = new double[terms * k];
        var omega = new double[rows.Length * k];
        for (int i = 0; i < omega.Length; i++) omega[i] = Gaussian(random);
        MultiplyTransposed(rows, omega, k, y);
        Orthonormalize(y, terms, k);
        var ay = new double[rows.Length * k];
        for (int q = 0; q < powerIterations; q++)
        {
            Array.Clear(ay);
            for (int d = 0; d < rows.Length; d++)
            {
                var row = rows[d];
                for (int t = 0; t < row.Ids.Length; t++)
                {
                    double w = row.Weights[t];
                    int yo = row.Ids[t] * k, ao = d * k;
                    for (int c = 0; c < k; c++) ay[ao + c] += w * y[yo + c];
                }
            }
            Array.Clear(y);
            MultiplyTransposed(rows, ay, k, y);
            Orthonormalize(y, terms, k);
        }
        for (int i = 0; i < basis.Length; i++) basis[i] = (float)y[i];
    }

    private static void MultiplyTransposed(SparseVector[] rows, double[] docsByK, int k, double[] termsByK)
    {
        for (int d = 0; d < rows.Length; d++)
        {
            var row = rows[d];
            for (int t = 0; t < row.Ids.Length; t++)
            {
                double w = row.Weights[t];
                int yo = row.Ids[t] * k, oo = d * k;
                for (int c = 0; c < k; c++) termsByK[yo + c] += w * docsByK[oo + c];
            }
        }
    }

    // Modified Gram-Schmidt on the k columns of a row-major terms × k matrix.
    private static void Orthonormalize(double[] m, int rows, int k)
    {
        for (int c = 0; c < k; c++)
        {
            for (int p = 0; p < c; p++)
            {
                double dot = 0;
                for (int r = 0; r < rows; r++) dot += m[r * k + c] * m[r * k + p];
                for (int r = 0; r < rows; r++) m[r * k + c] -= dot * m[r * k + p];
            }
            double norm = 0;
            for (int r = 0; r < rows; r++) norm += m[r * k + c] * m[r * k + c];
            norm = Math.Sqrt(norm);
            if (norm < 1e-12) continue;
            for (int r = 0; r < rows; r++) m[r * k + c] /= norm;
        }
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Terms.Length);
        for (int i = 0; i < Terms.Length; i++)
        {
            writer.Write(Terms[i]);
            writer.Write(Idf[i]);
        }
        writer.Write(Dimensions);
        foreach (var value in Basis) writer.Write(value);
    }

    public static TextModel Read(BinaryReader reader)
    {
        int n = reader.ReadInt32();
        var terms = new string[n];
        var idf = new float[n];
        for (int i = 0; i < n; i++)
        {
            terms[i] = reader.ReadString();
            idf[i] = reader.ReadSingle();
        }
        int k = reader.ReadInt32();
        var basis = new float[n * k];
        for (int i = 0; i < basis.Length; i++) basis[i] = reader.ReadSingle();
        return new TextModel(terms, idf, k, basis);
    }
}

/// <summary>How the vocabulary and LSA space are built.</summary>
public sealed class TextModelOptions
{
    /// <summary>Largest vocabulary kept, most frequent stems first.</summary>
    /// <value>Defaults to 20,000.</value>
    public int MaxTerms { get; init; } = 20_000;

    /// <summary>Stems in fewer training documents are ignored.</summary>
    /// <value>Defaults to 2.</value>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>Dimensions of the LSA space.</summary>
    /// <value>Defaults to 100.</value>
    public int LsaDimensions { get; init; } = 100;

    /// <summary>Power iterations of the randomised range finder; more sharpens the subspace.</summary>
    /// <value>Defaults to 2.</value>
    public int PowerIterations { get; init; } = 2;

    /// <summary>Seed of the random test matrix.</summary>
    /// <value>Defaults to 42.</value>
    public int Seed { get; init; } = 42;
}
