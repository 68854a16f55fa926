using System.Text;
using Contradictions.Core.Stance;
using Contradictions.ML.Data;
using Contradictions.ML.Model;

namespace Contradictions.Cli.Tests.Commands;

public class TrainWithReviewsCommandTests
{
    // Reviewers judged these news sentence pairs contradictions (export-training maps a_right/b_right to disagree);
    // the FNC-1 headline model tends to call such pairs discuss or unrelated.
    private static readonly (string Claim, string Passage)[] Reviewed =
    [
        ("Defence minister Rustem Umerov said Kyiv supports 90% of the peace plan.", "The Ministry of Defence denied that Umerov ever said Kyiv supports 90% of the peace plan."),
        ("Marco Rubio pulled out of the London talks on Ukraine.", "The State Department said Rubio did not pull out of the London talks on Ukraine."),
        ("The United States is ready to recognise Crimea as Russian territory.", "Ukraine will not recognise any of its occupied territories as Russian, Zelensky said."),
        ("The ceasefire took effect on Monday across the whole front line.", "Officials said no ceasefire took effect on Monday and fighting went on along the front line."),
        ("Russia agreed to return all the children deported from occupied areas.", "Moscow rejected reports that it agreed to return the children deported from occupied areas."),
        ("The minerals deal was signed in Washington on Friday.", "Kyiv denied that any minerals deal was signed in Washington on Friday."),
    ];

    /// <summary>An FNC-1 folder with 150 training and 40 hold-out bodies from the real data: trains in seconds.</summary>
    private static string SmallFnc(TempDir dir)
    {
        var folder = dir.File("fnc");
        Directory.CreateDirectory(folder);
        var corpus = FncCorpus.Load(RepoRoot.File("data", "fnc-1"));
        var train = corpus.Training.Select(p => p.PassageId).Distinct().Order(StringComparer.Ordinal).Take(150).ToList();
        var hold = corpus.HoldOut.Select(p => p.PassageId).Distinct().Order(StringComparer.Ordinal).Take(40).ToList();
        var keep = train.Concat(hold).ToHashSet();
        var pairs = corpus.All.Where(p => keep.Contains(p.PassageId)).ToList();
        var stances = new StringBuilder("Headline,Body ID,Stance\n");
        foreach (var p in pairs) stances.Append(Quote(p.Claim)).Append(',').Append(p.PassageId).Append(',').Append(p.Label.ToLabel()).Append('\n');
        var bodies = new StringBuilder("Body ID,articleBody\n");
        foreach (var g in pairs.GroupBy(p => p.PassageId)) bodies.Append(g.Key).Append(',').Append(Quote(g.First().Passage)).Append('\n');
        File.WriteAllText(Path.Combine(folder, "train_stances.csv"), stances.ToString());
        File.WriteAllText(Path.Combine(folder, "train_bodies.csv"), bodies.ToString());
        File.WriteAllLines(Path.Combine(folder, "training_ids.txt"), train);
        File.WriteAllLines(Path.Combine(folder, "hold_out_ids.txt"), hold);
        return folder;
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";

    [Fact]
    public void Reviewed_pairs_are_weighted_into_training_recorded_on_the_card_and_move_the_model_their_way()
    {
        using var dir = new TempDir();
        var fnc = SmallFnc(dir);
        var reviews = dir.File("reviews.csv");
        File.WriteAllText(reviews, "claim,passage,label\n" + string.Concat(Reviewed.Select(r => $"{Quote(r.Claim)},{Quote(r.Passage)},disagree\n")));
        string[] common = ["train", "--data", fnc, "--trees", "30", "--quiet"];

        var plain = CliRunner.Run(dir.Path, null, [.. common, "--out", dir.File("plain.zip")]);
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        var folded = CliRunner.Run(dir.Path, null, [.. common, "--out", dir.File("reviewed.zip"), "--with-reviews", reviews]);
        Assert.True(folded.ExitCode == 0, folded.Stderr);

        var plainCard = ModelCard.Load(dir.File("plain.json"));
        var card = ModelCard.Load(dir.File("reviewed.json"));
        Assert.Null(plainCard.Reviews);
        Assert.NotNull(card.Reviews);
        Assert.Equal("reviews.csv", card.Reviews.Source);
        Assert.Equal(Reviewed.Length, card.Reviews.Rows);
        Assert.Equal(0, card.Reviews.DroppedAsEvaluation);
        Assert.Equal(FncCorpus.Sha256([reviews]), card.Reviews.Sha256);
        Assert.Equal(20, card.Reviews.Weight);
        Assert.Equal(plainCard.DataSha256, card.DataSha256);
        Assert.Equal(plainCard.TrainingPairs + Reviewed.Length, card.TrainingPairs);
        // Reviews never reach the hold-out: it is the same pairs, scored by both models.
        Assert.Equal(plainCard.HoldOut!.Pairs, card.HoldOut!.Pairs);

        var before = StanceModel.Load(dir.File("plain.zip")).PredictBatch(Reviewed);
        var after = StanceModel.Load(dir.File("reviewed.zip")).PredictBatch(Reviewed);
        double gain = Enumerable.Range(0, Reviewed.Length).Average(i => after[i].Disagree - before[i].Disagree);
        Assert.True(gain > 0.05, $"P(disagree) on the reviewed pairs moved by {gain:0.000} on average");
        Assert.True(Enumerable.Range(0, Reviewed.Length).Count(i => after[i].Disagree > before[i].Disagree) >= Reviewed.Length - 1,
            string.Join("; ", Enumerable.Range(0, Reviewed.Length).Select(i => $"{before[i].Disagree:0.000} → {after[i].Disagree:0.000}")));
    }

    [Fact]
    public void Bare_with_reviews_reads_the_database_and_hashes_the_rows_as_export_training_writes_them()
    {
        using var dir = new TempDir();
        var scan = CliRunner.Run(dir.Path, null, "scan", RepoRoot.File("data", "articles"), "--min-confidence", "0", "--quiet");
        Assert.True(scan.ExitCode == 0, scan.Stderr);
        using (var store = Contradictions.Storage.ClaimStore.Open(dir.File("contradictions.db")))
        {
            var flags = store.Flags();
            store.AddVerdict(flags[0].Id, Contradictions.Storage.VerdictKinds.ARight, "ann", null, 0);
            store.AddVerdict(flags[1].Id, Contradictions.Storage.VerdictKinds.DifferentSubjects, "ann", null, 0);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var export = CliRunner.Run(dir.Path, null, "export-training", "--out", "reviews.csv");
        Assert.True(export.ExitCode == 0, export.Stderr);

        var r = CliRunner.Run(dir.Path, null, "train", "--data", SmallFnc(dir), "--trees", "20", "--quiet", "--out", dir.File("m.zip"), "--with-reviews");

        Assert.True(r.ExitCode == 0, r.Stderr);
        var reviews = ModelCard.Load(dir.File("m.json")).Reviews;
        Assert.NotNull(reviews);
        Assert.Equal("contradictions.db", reviews.Source);
        Assert.Equal(2, reviews.Rows);
        Assert.Equal(FncCorpus.Sha256([dir.File("reviews.csv")]), reviews.Sha256);
    }

    [Fact]
    public void Reviewed_pairs_held_out_for_evaluation_are_dropped()
    {
        var held = new LabeledPair("Headline", "7", "A body the hold-out scores.", Stance.Agree);
        var reviews = new[]
        {
            new LabeledPair("Some claim", "r#0", " A body the hold-out scores. ", Stance.Disagree),
            new LabeledPair("Another claim", "r#1", "A sentence from the news.", Stance.Disagree),
        };

        var fold = ML.Training.ReviewedPairs.Fold(reviews, [held], 20f);

        Assert.Equal(1, fold.DroppedAsEvaluation);
        var kept = Assert.Single(fold.Pairs);
        Assert.Equal(("Another claim", 20f, "review:r#1"), (kept.Claim, kept.Weight, kept.PassageId));
    }
}
