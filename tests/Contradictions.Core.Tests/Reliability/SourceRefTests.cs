using Contradictions.Core.Reliability;

namespace Contradictions.Core.Tests.Reliability;

public class SourceRefTests
{
    [Fact]
    public void Outlet_urls_and_bare_domains_are_one_source()
    {
        var a = SourceRef.Outlet("https://www.BBC.co.uk/news/world-123");
        var b = SourceRef.Outlet("bbc.co.uk");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("bbc.co.uk", a.Key);
        Assert.Equal("https://www.BBC.co.uk/news/world-123", a.Name);
    }

    [Fact]
    public void Same_name_of_different_kinds_are_different_sources() =>
        Assert.NotEqual(SourceRef.Outlet("Reuters"), SourceRef.Speaker("Reuters"));

    [Fact]
    public void Speaker_names_ignore_case_and_spacing() =>
        Assert.Equal(SourceRef.Speaker("  Dmitry   Peskov "), SourceRef.Speaker("dmitry peskov"));

    [Fact]
    public void Anonymous_speakers_are_kept_apart_per_outlet()
    {
        var viaBbc = SourceRef.AnonymousSpeaker("unnamed official", "www.bbc.co.uk");
        var viaCnn = SourceRef.AnonymousSpeaker("unnamed official", "cnn.com");
        Assert.NotEqual(viaBbc, viaCnn);
        Assert.Equal(SourceKind.Speaker, viaBbc.Kind);
        Assert.Equal("unnamed official (via bbc.co.uk)", viaBbc.Name);
    }
}
