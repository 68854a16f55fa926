namespace Contradictions.Cli.Commands;

/// <summary>
/// Finds the committed models: models/ in the working folder (a clone), else models/ next to the program
/// (an installed tool carries copies), so the main job works with no options.
/// </summary>
internal static class ModelPaths
{
    public static string Resolve(string? option, string fileName)
    {
        if (!string.IsNullOrWhiteSpace(option)) return option;
        var local = Path.Combine("models", fileName);
        if (File.Exists(local)) return local;
        return Path.Combine(AppContext.BaseDirectory, "models", fileName);
    }
}
