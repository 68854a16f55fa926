using System.Text.Json;
using Contradictions.Core.Articles;
using Contradictions.Core.Claims;
using Contradictions.Core.Text;
using Contradictions.Storage.Ingest;

namespace Contradictions.Storage.Tests;

public class ClaimPayloadTests
{
    private static string BySerializer(Claim c) =>
        JsonSerializer.Serialize(new ClaimPayload(c.Quotes, c.Numbers, c.Dates, c.Entities), ClaimPayload.Json);

    [Fact]
    public void Payload_of_every_seed_and_fnc_claim_is_what_the_serializer_writes()
    {
        var articles = Directory.GetFiles(RepoRoot.File("data", "articles"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(p => ArticleReader.ReadFile(p))
            .Concat(ArticleReader.ReadFile(RepoRoot.File("data", "fnc-1", "train_bodies.csv")).Take(300))
            .Select(r => r.Article!)
            .ToList();
        var claims = articles.SelectMany(ClaimExtractor.Extract).ToList();
        Assert.True(claims.Count > 3_000);
        // The corpus exercises every part: quotes, numbers with and without units, ranges of dates, each entity kind.
        Assert.Contains(claims, c => c.Quotes.Count > 0);
        Assert.Contains(claims, c => c.Numbers.Any(n => n.Unit is null) && c.Numbers.Count > 0);
        Assert.Contains(claims, c => c.Numbers.Any(n => n.Unit is not null));
        Assert.Contains(claims, c => c.Dates.Any(d => d.End is not null));
        Assert.Equal(Enum.GetValues<EntityKind>().Length, claims.SelectMany(c => c.Entities).Select(e => e.Kind).Distinct().Count());
        foreach (var c in claims)
        {
            Assert.Equal(BySerializer(c), ClaimPayload.Serialize(c));
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(BySerializer(c)), ClaimPayload.SerializeUtf8(c));
        }
    }

    [Fact]
    public void Payload_escapes_nulls_and_odd_values_as_the_serializer_does()
    {
        var basis = ClaimExtractor.Extract(ArticleFactory.Create("a", "Officials said the ceasefire would hold.")).Single();
        var odd = basis with
        {
            Quotes = [new QuoteSpan("\"90% supports\" <b>Умєров</b> & tab\t🙂 \\", new TextSpan(3, 12)), new QuoteSpan("", new TextSpan(0, 0))],
            Numbers = [new NumberMention("1e300", 1e300, null, null), new NumberMention("-0.1", -0.1, "%", "of \"voters\""), new NumberMention("⅓", 1 / 3.0, "USD", null)],
            Dates =
            [
                new DateMention("last week", new DateOnly(2025, 4, 14), new DateOnly(2025, 4, 20), true),
                new DateMention("on Wednesday", null, null, true),
                new DateMention("year 5", new DateOnly(5, 1, 1), null, false),
            ],
            Entities = [new EntityMention("Ministry of Defence", EntityKind.Organisation, "ministry of defence"), new EntityMention("X", (EntityKind)42, "x")],
        };
        Assert.Equal(BySerializer(odd), ClaimPayload.Serialize(odd));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(BySerializer(odd)), ClaimPayload.SerializeUtf8(odd));
        // Stored as UTF-8 bytes, read back as the same claim.
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("a.db"));
        var stored = store.ClaimsOf(store.Store(ArticleFactory.Create("a", "Officials said the ceasefire would hold."), [odd]).ArticleRowId).Single().Claim;
        Assert.Equal(odd.Quotes, stored.Quotes);
        Assert.Equal(odd.Numbers, stored.Numbers);
        Assert.Equal(odd.Dates, stored.Dates);
        Assert.Equal(odd.Entities, stored.Entities);
        var empty = basis with { Quotes = [], Numbers = [], Dates = [], Entities = [] };
        Assert.Equal("""{"quotes":[],"numbers":[],"dates":[],"entities":[]}""", ClaimPayload.Serialize(empty));
        Assert.Equal(BySerializer(empty), ClaimPayload.Serialize(empty));
    }

    [Fact]
    public void Null_lists_items_and_texts_are_written_as_the_serializer_writes_them()
    {
        // Claims from the extractor never hold these; a caller of ClaimStore.Store that ignores the annotations might.
        var basis = ClaimExtractor.Extract(ArticleFactory.Create("a", "Officials said 40% of the troops would leave on Monday.")).Single();
        Claim[] odd =
        [
            basis with { Quotes = null!, Numbers = null!, Dates = null!, Entities = null! },
            basis with
            {
                Quotes = [null!, new QuoteSpan(null!, new TextSpan(1, 2))],
                Numbers = [new NumberMention(null!, 2, null, null), null!],
                Dates = [null!, new DateMention(null!, null, null, false)],
                Entities = [new EntityMention(null!, EntityKind.Place, null!), null!],
            },
        ];
        foreach (var c in odd) Assert.Equal(BySerializer(c), ClaimPayload.Serialize(c));
    }

    [Fact]
    public void A_payload_that_cannot_be_written_throws_and_the_next_one_is_whole()
    {
        var basis = ClaimExtractor.Extract(ArticleFactory.Create("a", "Officials said 40% of the troops would leave.")).Single();
        var bad = basis with { Numbers = [new NumberMention("NaN", double.NaN, null, null)] };
        Assert.ThrowsAny<ArgumentException>(() => BySerializer(bad));
        Assert.ThrowsAny<ArgumentException>(() => ClaimPayload.Serialize(bad));
        Assert.Equal(BySerializer(basis), ClaimPayload.Serialize(basis));
        Assert.Equal(basis.Numbers, JsonSerializer.Deserialize<ClaimPayload>(ClaimPayload.Serialize(basis), ClaimPayload.Json)!.Numbers);
    }
}
