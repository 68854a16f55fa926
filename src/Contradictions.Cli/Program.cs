using System.CommandLine;
using Contradictions.Cli.Commands;

var root = new RootCommand("Contradictions: who says what, via whom, and where news sources contradict each other.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync();
