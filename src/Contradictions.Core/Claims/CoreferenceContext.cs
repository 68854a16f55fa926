namespace Contradictions.Core.Claims;

/// <summary>
/// Light, per-article coreference for sources: "the publication" → last outlet, "he"/"she" → last person-like
/// source, "the official"/"this source" → last anonymous source, "it" → last body, a lone surname → the full name.
/// Only sources (not every mention) become antecedents, because reporting pronouns almost always point back to
/// the last speaker rather than to whoever was last named.
/// </summary>
internal sealed class CoreferenceContext
{
    public CoreferenceContext(AttributionLink? articleOutlet) => ArticleOutlet = articleOutlet;

    public AttributionLink? ArticleOutlet { get; }

    public AttributionLink? LastOutlet { get; private set; }

    public AttributionLink? LastPerson { get; private set; }

    public AttributionLink? LastAnonymous { get; private set; }

    public AttributionLink? LastBody { get; private set; }

    /// <summary>Surname → full name, from every person mentioned so far.</summary>
    public Dictionary<string, string> Surnames { get; } = new(StringComparer.Ordinal);

    public AttributionLink Resolve(RawSource raw)
    {
        var link = raw.Ref switch
        {
            SourceRef.PersonPronoun => LastPerson ?? raw.Link,
            SourceRef.OtherPronoun => LastBody ?? LastAnonymous ?? LastOutlet ?? raw.Link,
            SourceRef.OutletAnaphor => LastOutlet ?? ArticleOutlet ?? raw.Link,
            SourceRef.AnonymousAnaphor => LastAnonymous ?? raw.Link,
            SourceRef.Surname => Surnames.TryGetValue(raw.Link.Name, out var full)
                ? new AttributionLink(full, LinkKind.Person, false, EntityNormalizer.Key(full))
                : raw.Link,
            _ => raw.Link,
        };
        Remember(link, raw.Singular);
        return link;
    }

    public void Remember(AttributionLink link, bool singular)
    {
        switch (link.Kind)
        {
            case LinkKind.Outlet: LastOutlet = link; break;
            case LinkKind.Person:
                LastPerson = link;
                int sp = link.Name.LastIndexOf(' ');
                if (sp > 0) Surnames[link.Name[(sp + 1)..]] = link.Name;
                break;
            case LinkKind.Body: LastBody = link; break;
            case LinkKind.Anonymous:
                LastAnonymous = link;
                if (singular) LastPerson = link;
                break;
        }
    }
}
