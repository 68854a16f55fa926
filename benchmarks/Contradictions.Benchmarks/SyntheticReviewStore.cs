using System.Globalization;
using System.Text;
using Contradictions.Storage;
using Microsoft.Data.Sqlite;

namespace Contradictions.Benchmarks;

/// <summary>
/// A review database shaped like a big newsroom's: real article, claim, chain-link, flag and verdict rows written
/// with bulk SQL in one transaction after <see cref="ClaimStore.Open"/> created the current schema.
/// 20 claims per article, one sentence per paragraph; 240 outlets and 3,600 speakers picked by a power law;
/// chains of outlet → (anonymous relay) → speaker, or no attribution for a quarter of the claims; flags between
/// claims of different articles with confidence skewed low (0.05 + 0.95·u²), kinds 15% denial, 35% factual,
/// 50% position; 5% of flags reviewed, a tenth of those twice.
/// </summary>
internal static class SyntheticReviewStore
{
    private static readonly string[] KnownOutlets =
    [
        "Reuters", "Associated Press", "BBC News", "New York Post", "Bloomberg", "The Guardian", "Kyiv Independent", "RIA Novosti",
        "TASS", "Politico", "Axios", "Financial Times", "The Washington Post", "CNN", "Fox News", "Al Jazeera",
    ];

    private static readonly string[] FirstNames =
        ["Anna", "Dmitry", "Rustem", "Marco", "Olena", "Sergei", "Maria", "John", "Keith", "Andriy", "Emmanuel", "Ursula", "Kaja", "Pete", "Yulia", "Mark", "Oleksandr", "Viktor", "Karoline", "Steve"];

    private static readonly string[] LastNames =
        ["Peskov", "Umerov", "Rubio", "Zelensky", "Lavrov", "Witkoff", "Kellogg", "Sybiha", "Yermak", "Macron", "Kallas", "Hegseth", "Svyrydenko", "Rutte", "Leavitt", "Orban", "Starmer", "Merz", "Tusk", "Stubb",
         "Budanov", "Zakharova", "Ushakov", "Dmitriev", "Vance", "Waltz", "Sikorski", "Costa", "Borrell", "Kuleba", "Shmyhal", "Klitschko", "Podolyak", "Fico", "Meloni", "Sanchez"];

    private static readonly string[] Topics =
        ["the ceasefire", "the peace plan", "Crimea", "the sanctions", "the minerals deal", "the prisoner exchange", "the energy truce", "the talks in Istanbul",
         "the air defence package", "the Black Sea corridor", "the grain exports", "the security guarantees", "the troop withdrawal", "the Zaporizhzhia plant", "the frozen assets", "the summit"];

    private static readonly string[] Predicates =
        ["would go ahead next week", "had been agreed in principle", "was not on the table", "had collapsed", "would cover {0}% of the front line",
         "was supported by {0}% of the delegation", "would take effect on April {1}", "had never been discussed", "was still being negotiated", "would be signed by {1} May"];

    private static readonly string[] Relays = ["a senior administration official", "people familiar with the matter", "two European diplomats", "a source close to the talks"];

    public sealed record Summary(int Articles, int Claims, int Flags, int Verdicts, string[] Outlets, string[] Speakers);

    private const int ClaimsPerArticle = 20;

    /// <summary>Outlets, most common first.</summary>
    private static string[] Outlets() =>
        KnownOutlets.Concat(Enumerable.Range(0, 224).Select(i => $"The {LastNames[i % LastNames.Length]} {(i % 3 == 0 ? "Herald" : i % 3 == 1 ? "Gazette" : "Times")} {i / LastNames.Length + 1}")).ToArray();

    /// <summary>Speakers, most quoted first. Surnames vary fastest, so the most quoted speakers have different names; 720 distinct names, then suffixed.</summary>
    private static string[] Speakers() =>
        Enumerable.Range(0, 3600).Select(i => $"{FirstNames[i / LastNames.Length % FirstNames.Length]} {LastNames[i % LastNames.Length]}{(i >= 720 ? " " + (char)('A' + i / 720) : "")}").ToArray();

    /// <summary>What <see cref="Create"/> makes for <paramref name="flags"/>, without making it (the verdict count is left at 0).</summary>
    public static Summary Describe(int flags)
    {
        int articles = Math.Max(2, flags / 10);
        return new Summary(articles, articles * ClaimsPerArticle, flags, 0, Outlets(), Speakers());
    }

    public static Summary Create(string path, int flags, int seed = 11)
    {
        using (ClaimStore.Open(path)) { }
        var random = new Random(seed);
        var outlets = Outlets();
        var speakers = Speakers();
        var outletPick = Zipf(outlets.Length, 1.0);
        var speakerPick = Zipf(speakers.Length, 1.0);
        int articles = Math.Max(2, flags / 10);

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var article = Prepare(connection, tx, "INSERT INTO articles(id, article_key, source_name, url, outlet, published, title, text, content_hash, ingested_at) VALUES ($id, $key, NULL, $url, $outlet, $published, $title, $text, $hash, '2026-11-23T00:00:00Z')");
        using var claim = Prepare(connection, tx, "INSERT INTO claims(id, article_id, ordinal, text, span_start, span_length, verb, polarity, is_headline, payload) VALUES ($id, $article, $ordinal, $text, $start, $length, 'said', $polarity, 0, '{\"quotes\":[],\"numbers\":[],\"dates\":[],\"entities\":[]}')");
        using var link = Prepare(connection, tx, "INSERT INTO chain_links(claim_id, position, name, kind, anonymous, key) VALUES ($claim, $position, $name, $kind, $anonymous, $key)");
        long claimId = 0;
        var text = new StringBuilder();
        for (int a = 1; a <= articles; a++)
        {
            var outlet = outlets[Pick(outletPick, random)];
            text.Clear();
            var rows = new List<(string Text, int Start, string? Speaker, string? Relay)>();
            for (int o = 0; o < ClaimsPerArticle; o++)
            {
                string? speaker = random.NextDouble() < 0.75 ? speakers[Pick(speakerPick, random)] : null;
                string? relay = speaker is not null && random.NextDouble() < 0.2 ? Relays[random.Next(Relays.Length)] : null;
                var predicate = string.Format(CultureInfo.InvariantCulture, Predicates[random.Next(Predicates.Length)], random.Next(5, 96), random.Next(1, 29));
                var topic = Topics[random.Next(Topics.Length)];
                var sentence = speaker is null
                    ? $"Officials in Kyiv and Moscow disagreed on whether {topic} {predicate}."
                    : relay is null ? $"{speaker} said {topic} {predicate}." : $"{speaker} told {relay} that {topic} {predicate}.";
                rows.Add((sentence, text.Length, speaker, relay));
                text.Append(sentence).Append("\n\n");
            }
            Bind(article, ("$id", a), ("$key", $"article-{a:D6}.txt"), ("$url", $"https://news.example/{a}"), ("$outlet", outlet),
                ("$published", new DateOnly(2025, 1, 1).AddDays(a % 300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("$title", $"{outlet}: {Topics[a % Topics.Length]}"), ("$text", text.ToString()), ("$hash", $"synthetic-{seed}-{a}"));
            article.ExecuteNonQuery();
            for (int o = 0; o < rows.Count; o++)
            {
                var (sentence, start, speaker, relay) = rows[o];
                claimId++;
                Bind(claim, ("$id", claimId), ("$article", a), ("$ordinal", o), ("$text", sentence), ("$start", start), ("$length", sentence.Length),
                    ("$polarity", sentence.Contains(" not ", StringComparison.Ordinal) || sentence.Contains("never", StringComparison.Ordinal) ? "Denied" : "Asserted"));
                claim.ExecuteNonQuery();
                int position = 0;
                void Link(string name, string kind, bool anonymous)
                {
                    Bind(link, ("$claim", claimId), ("$position", position++), ("$name", name), ("$kind", kind), ("$anonymous", anonymous ? 1 : 0), ("$key", name.ToLowerInvariant()));
                    link.ExecuteNonQuery();
                }
                if (speaker is null) continue;
                Link(outlet, "Outlet", false);
                if (relay is not null) Link(relay, "Anonymous", true);
                Link(speaker, "Person", false);
            }
        }

        using var flag = Prepare(connection, tx, "INSERT OR IGNORE INTO flags(claim_a, claim_b, confidence, kind, explanation, stance, created_at, updated_at) VALUES ($a, $b, $c, $k, $e, $s, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z')");
        int written = 0;
        while (written < flags)
        {
            long x = 1 + random.NextInt64(claimId), y = 1 + random.NextInt64(claimId);
            if ((x - 1) / ClaimsPerArticle == (y - 1) / ClaimsPerArticle) continue;
            double u = random.NextDouble();
            double kindRoll = random.NextDouble();
            var kind = kindRoll < 0.15 ? "Denial" : kindRoll < 0.5 ? "Factual" : "Position";
            var cues = kind switch
            {
                "Denial" => "[\"denial of the other claim's proposition (0.45 of its content)\",\"attribution: one side names the other's speaker\"]",
                "Factual" => "[\"numbers differ on the same unit: 90% vs 40%\",\"negation asymmetry\"]",
                _ => "[\"stance: B disagrees with A (0.41)\"]",
            };
            Bind(flag, ("$a", Math.Min(x, y)), ("$b", Math.Max(x, y)), ("$c", Math.Round(0.05 + 0.95 * u * u, 4)), ("$k", kind), ("$e", cues),
                ("$s", "{\"Ab\":[0.05,0.41,0.32,0.22],\"Ba\":[0.07,0.36,0.35,0.22]}"));
            written += flag.ExecuteNonQuery();
        }

        using var verdict = Prepare(connection, tx, "INSERT INTO verdicts(flag_id, verdict, reviewer, note, created_at, version) VALUES ($f, $v, $r, NULL, '2026-11-23T00:00:00Z', $version)");
        int verdicts = 0;
        for (long f = 1; f <= flags; f++)
        {
            if (random.NextDouble() >= 0.05) continue;
            int times = random.NextDouble() < 0.1 ? 2 : 1;
            for (int version = 1; version <= times; version++)
            {
                Bind(verdict, ("$f", f), ("$v", VerdictKinds.All[random.Next(VerdictKinds.All.Count)]), ("$r", version == 1 ? "ann" : "bob"), ("$version", version));
                verdicts += verdict.ExecuteNonQuery();
            }
        }
        tx.Commit();
        // The store adds the claims written here to its word index when it next opens.
        using (ClaimStore.Open(path)) { }
        using (var optimize = connection.CreateCommand())
        {
            optimize.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            optimize.ExecuteNonQuery();
        }
        return new Summary(articles, (int)claimId, written, verdicts, outlets, speakers);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private static void Bind(SqliteCommand cmd, params (string Name, object Value)[] values)
    {
        cmd.Parameters.Clear();
        foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value);
    }

    private static double[] Zipf(int n, double exponent)
    {
        var cumulative = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) cumulative[i] = total += 1 / Math.Pow(i + 1, exponent);
        for (int i = 0; i < n; i++) cumulative[i] /= total;
        return cumulative;
    }

    private static int Pick(double[] cumulative, Random random)
    {
        int i = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }
}
