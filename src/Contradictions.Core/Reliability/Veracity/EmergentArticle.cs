namespace Contradictions.Core.Reliability.Veracity;

/// <summary>One row of an Emergent-format file: an article about a claim.</summary>
/// <param name="ClaimTruth">The claim's label, or null when the file carries none (a test file to predict).</param>
public sealed record EmergentArticle(
    string ClaimId,
    string ClaimHeadline,
    Veracity? ClaimTruth,
    string ArticleId,
    string ArticleHeadline,
    HeadlineStance Stance,
    string Url,
    string Source);
