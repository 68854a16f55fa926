namespace Contradictions.Core.Reliability;

/// <summary>Outlets publish or are cited as publishers; speakers are people, bodies or anonymous classes whose words are reported.</summary>
public enum SourceKind
{
    Outlet,
    Speaker,
}
