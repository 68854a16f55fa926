using Contradictions.Core.Text;
using Contradictions.Tests.Shared;

namespace Contradictions.Core.Tests;

public class CleanerTests
{
    [Fact]
    public void Markdown_link_debris_and_site_footer_are_removed()
    {
        var text = "Real reporting here.\n\n[](https://www.bbc.com/news/x)[](https://news18.com/y)\nPost a Comment\nFollow us on X, Telegram and VK!\nTo Donate to Example.com 👉 Click Here.\nContact form";
        var cleaned = Cleaner.Clean(text).Text;
        Assert.Contains("Real reporting here.", cleaned);
        Assert.DoesNotContain("http", cleaned);
        Assert.DoesNotContain("Comment", cleaned);
        Assert.DoesNotContain("Follow", cleaned);
        Assert.DoesNotContain("Donate", cleaned);
        Assert.DoesNotContain("Contact", cleaned);
    }

    [Fact]
    public void Link_text_is_kept_and_offsets_map_back_to_the_original()
    {
        var text = "See [the report](https://x.org/r) by Reuters today.";
        var cleaned = Cleaner.Clean(text);
        Assert.Equal("See the report by Reuters today.", cleaned.Text);
        int at = cleaned.Text.IndexOf("Reuters", StringComparison.Ordinal);
        Assert.Equal(text.IndexOf("Reuters", StringComparison.Ordinal), cleaned.ToOriginal(at));
        var span = cleaned.ToOriginal(new TextSpan(at, 7));
        Assert.Equal("Reuters", span.Slice(text));
    }

    [Fact]
    public void Seed_date_prefix_and_section_labels_are_stripped()
    {
        var cleaned = Cleaner.Clean(" date 2025-04-23 The minister resigned.\nIntroduction: As the war enters its fourth year, talks resume.").Text;
        Assert.StartsWith("The minister resigned.", cleaned);
        Assert.Contains("\nAs the war enters", cleaned);
    }

    [Fact]
    public void News_sentences_that_mention_donations_are_kept()
    {
        Assert.Contains("donations", Cleaner.Clean("The charity said donations fell by 20% last year.").Text);
    }

    [Fact]
    public void Markdown_heading_and_bullet_markers_are_removed()
    {
        var cleaned = Cleaner.Clean("# Rubio pulls out of talks\n- The minister said the plan failed.").Text;
        Assert.Equal("Rubio pulls out of talks\nThe minister said the plan failed.", cleaned);
    }

    [Fact]
    public void The_first_sentence_is_the_first_sentence_of_the_cleaned_prefix_whatever_the_prefix()
    {
        string[] crafted =
        [
            "",
            "   \n\n  ",
            " date 2025-04-24 Kyiv denied the report. It said more.",
            "Post a Comment\n[](https://x.example/a)\n## Introduction: The ministry denied it. Later, more.\nNext line.",
            "Follow us on X\r\nThe U.S. Army said so.\r\nSecond paragraph.",
            "Officials met in the U.S. The talks went on.",
            "\"Kyiv 90% supports it,\" he said. \"No,\" said the ministry.",
            "A very long line " + string.Concat(Enumerable.Repeat("with words and no full stop ", 200)) + "\nThen a short one.",
            "(Reuters)\nSource: AFP\n- Bullet point reporting here... and on\nend",
            "Mr. Smith (left) spoke. J. Doe agreed",
        ];
        var texts = crafted.Concat(Directory.GetFiles(RepoRoot.File("data", "articles"), "*.txt").Select(File.ReadAllText)).ToList();
        int checkedPrefixes = 0;
        foreach (var text in texts)
        {
            for (int limit = 0; limit <= text.Length + 1; limit += limit < 200 ? 1 : 37)
            {
                var cleaned = Cleaner.Clean(text[..Math.Min(limit, text.Length)]).Text;
                var spans = SentenceSplitter.Split(cleaned);
                string? expected = spans.Count == 0 ? null : spans[0].Slice(cleaned);
                Assert.Equal(expected, Cleaner.FirstSentence(text, limit));
                checkedPrefixes++;
            }
        }
        Assert.True(checkedPrefixes > 1_000, $"{checkedPrefixes} prefixes");
        Assert.Equal("Kyiv denied the report.", Cleaner.FirstSentence(crafted[2], 4000));
        Assert.Equal("The ministry denied it.", Cleaner.FirstSentence(crafted[3], 4000));
    }

    /// <summary>The cue check before the residue pattern may only skip lines the pattern cannot match.</summary>
    [Fact]
    public void Residue_cue_check_never_skips_a_residue_line()
    {
        // U+212A, the Kelvin sign, is a "k" to the pattern, which ignores case.
        string[] crafted = ["Post a Comment", "Follow us on X", "Clic\u212A here", "© 2025 Example Media", "Tags:", "For more news visit us"];
        foreach (var line in crafted)
        {
            Assert.True(Cleaner.ResiduePatternMatches(line), line);
            Assert.True(Cleaner.MayBeResidue(line), line);
            Assert.True(Cleaner.IsResidueLine(line), line);
        }
        var lines = File.ReadAllText(RepoRoot.File("data", "fnc-1", "train_bodies.csv")).Split('\n')
            .Concat(Directory.GetFiles(RepoRoot.File("data", "articles")).SelectMany(File.ReadAllLines)).ToList();
        int residue = 0, skipped = 0;
        foreach (var raw in lines)
        {
            var line = raw.AsSpan().Trim();
            bool matches = Cleaner.ResiduePatternMatches(line), passes = Cleaner.MayBeResidue(line);
            Assert.False(matches && !passes, raw);
            if (matches) residue++;
            if (!passes) skipped++;
        }
        Assert.True(residue > 20, $"only {residue} residue lines");
        Assert.True(skipped > lines.Count / 2, $"{skipped} of {lines.Count} lines skipped");
    }
}

