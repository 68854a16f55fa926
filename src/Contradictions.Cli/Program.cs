using System.CommandLine;
using Contradictions.Cli.Commands;

var root = new RootCommand("Contradictions: who says what, via whom, and where news sources contradict each other.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Run 'contradictions --help' for usage.");
    return ExitCodes.Usage;
}
return await parsed.InvokeAsync();
