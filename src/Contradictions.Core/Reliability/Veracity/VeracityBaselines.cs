namespace Contradictions.Core.Reliability.Veracity;

/// <summary>Predictions that ignore who the sources are.</summary>
public static class VeracityBaselines
{
    /// <summary>The most common headline stance wins (for → true, against → false, observing → unknown); ties → unknown.</summary>
    public static VeracityPrediction MajorityVote(string claimId, IReadOnlyCollection<EmergentArticle> articles)
    {
        var (forCount, against, observing) = Count(articles);
        var max = Math.Max(forCount, Math.Max(against, observing));
        var winners = (forCount == max ? 1 : 0) + (against == max ? 1 : 0) + (observing == max ? 1 : 0);
        var share = articles.Count == 0 ? 0 : (double)max / articles.Count;
        if (articles.Count == 0 || winners > 1) return new VeracityPrediction(claimId, Veracity.Unknown, share, 0.5);
        var label = forCount == max ? Veracity.True : against == max ? Veracity.False : Veracity.Unknown;
        return new VeracityPrediction(claimId, label, share, 0.5);
    }

    /// <summary>Unweighted counts: more "for" than "against" headlines → true, fewer → false, equal → unknown.</summary>
    public static VeracityPrediction ForMinusAgainst(string claimId, IReadOnlyCollection<EmergentArticle> articles)
    {
        var (forCount, against, _) = Count(articles);
        var voting = forCount + against;
        var label = forCount > against ? Veracity.True : forCount < against ? Veracity.False : Veracity.Unknown;
        var confidence = voting == 0 ? 0 : (double)Math.Max(forCount, against) / voting;
        var probabilityTrue = voting == 0 ? 0.5 : (double)forCount / voting;
        return new VeracityPrediction(claimId, label, confidence, probabilityTrue);
    }

    private static (int For, int Against, int Observing) Count(IEnumerable<EmergentArticle> articles)
    {
        int forCount = 0, against = 0, observing = 0;
        foreach (var article in articles)
        {
            switch (article.Stance)
            {
                case HeadlineStance.For: forCount++; break;
                case HeadlineStance.Against: against++; break;
                default: observing++; break;
            }
        }

        return (forCount, against, observing);
    }
}
