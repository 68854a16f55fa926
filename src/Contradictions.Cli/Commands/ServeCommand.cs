using System.CommandLine;
using Contradictions.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Contradictions.Cli.Commands;

/// <summary><c>contradictions serve</c>: the review web app (queue, flags, verdicts, JSON API) over the database.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var urls = new Option<string>("--urls")
        {
            Description = $"Addresses to listen on, ';'-separated. Anything but loopback needs a token",
            DefaultValueFactory = _ => WebOptions.DefaultUrls,
        };
        var token = new Option<string?>("--token") { Description = $"Require this token on every request (default ${WebOptions.TokenEnvironmentVariable})" };
        var priors = SourcesCommand.Priors();
        var command = new Command("serve", "Serve the review web app: queue of flags, verdicts, sources, JSON API at /api, OpenAPI at /openapi/v1.json")
        {
            db, urls, token, priors,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var options = new WebOptions
            {
                DbPath = CommonOptions.ResolveDbPath(parse.GetValue(db)),
                Urls = parse.GetValue(urls) ?? WebOptions.DefaultUrls,
                Token = parse.GetValue(token) ?? Environment.GetEnvironmentVariable(WebOptions.TokenEnvironmentVariable),
                ScorerFactory = () => ScanCommand.LoadScorer(null),
                PriorsPath = parse.GetValue(priors),
            };
            WebApplication app;
            try
            {
                app = WebApp.Build(options);
            }
            catch (WebConfigurationException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.PartialFailure;
            }
            await using (app)
            {
                try
                {
                    await app.StartAsync(cancel);
                }
                catch (IOException e)
                {
                    Console.Error.WriteLine($"error: cannot listen on {options.Urls}: {e.Message}");
                    return ExitCodes.PartialFailure;
                }
                Console.WriteLine($"serving {Path.GetFullPath(options.DbPath)} on {string.Join(", ", app.Urls)}{(string.IsNullOrWhiteSpace(options.Token) ? "" : " (token required)")}; Ctrl+C to stop");
                await app.WaitForShutdownAsync(cancel);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
