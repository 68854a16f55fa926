namespace Contradictions.Core.Reliability;

/// <summary>The part a source plays in one attribution chain: publisher → relays → the party whose words they are.</summary>
public enum SourceRole
{
    /// <summary>Publishes the article; vouches for its reporting.</summary>
    Outlet,

    /// <summary>Relays the claim between the speaker and the publishing outlet (an agency or outlet cited inside the article).</summary>
    Intermediary,

    /// <summary>Said the words; vouches for their content.</summary>
    Speaker,
}
