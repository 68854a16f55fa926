namespace Contradictions.Cli.Tests.Commands;

public class TrainDetectorCommandTests
{
    [Theory]
    [InlineData("--stance-trees")]
    [InlineData("--stance-related-trees")]
    public void A_pair_stance_model_without_trees_is_refused_before_any_training(string option)
    {
        using var dir = new TempDir();

        var r = CliRunner.Run(dir.Path, null, "train-detector", option, "0", "--out", dir.File("detector.zip"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("must be at least 1", r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("detector.zip")));
    }
}
