using Contradictions.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Contradictions.Web;

/// <summary>Body of <c>POST /api/flags/{id}/verdicts</c>: <c>expectedVersion</c> is the number of verdicts the reviewer saw.</summary>
public sealed record VerdictInput(string? Verdict, string? Reviewer, string? Note, int? ExpectedVersion);

/// <summary>The JSON API under /api and its OpenAPI document.</summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/flags", (ReviewService review, string? status, string? kind, string? outlet, string? speaker, string? subject,
            double? minConfidence, int? page, int? pageSize) =>
        {
            if (!string.IsNullOrWhiteSpace(status) && !FlagQuery.Statuses.Contains(status))
                return Results.Problem($"status must be one of {string.Join(", ", FlagQuery.Statuses)}", statusCode: 400);
            return Results.Ok(review.List(new FlagQuery(status, kind, outlet, speaker, subject, minConfidence, page ?? 1, pageSize ?? 25)));
        });
        api.MapGet("/flags/{id:long}", (ReviewService review, ReliabilityService reliability, long id) =>
            review.Detail(id) is { } detail ? Results.Ok(detail with { Reliability = reliability.ForFlag(detail) }) : Results.Problem($"no flag {id}", statusCode: 404));
        api.MapPost("/flags/{id:long}/verdicts", (ReviewService review, long id, VerdictInput input) =>
        {
            if (!VerdictKinds.IsValid(input.Verdict))
                return Results.Problem($"verdict must be one of {string.Join(", ", VerdictKinds.All)}", statusCode: 400);
            if (string.IsNullOrWhiteSpace(input.Reviewer)) return Results.Problem("reviewer is required", statusCode: 400);
            if (input.ExpectedVersion is not int expected || expected < 0)
                return Results.Problem("expectedVersion (the number of verdicts you saw, 0 for none) is required", statusCode: 400);
            var result = review.AddVerdict(id, input.Verdict!, input.Reviewer, input.Note, expected);
            return result.Outcome switch
            {
                VerdictOutcome.Added => Results.Created($"/api/flags/{id}", VerdictView.From(result.Verdict!)),
                VerdictOutcome.Conflict => Results.Conflict(new ConflictView(
                    $"flag {id} has {result.CurrentVersion} verdict(s), not {expected}: someone reviewed it meanwhile",
                    result.CurrentVersion, result.Latest is { } l ? VerdictView.From(l) : null)),
                _ => Results.Problem($"no flag {id}", statusCode: 404),
            };
        });
        api.MapGet("/articles/{id:long}", (ReviewService review, long id) =>
            review.Article(id) is { } article ? Results.Ok(article) : Results.Problem($"no article {id}", statusCode: 404));
        api.MapPost("/articles", (ReviewService review, ArticleInput input) =>
        {
            try
            {
                var added = review.AddArticle(input);
                return Results.Created($"/api/articles/{added.ArticleId}", added);
            }
            catch (ArgumentException e)
            {
                return Results.Problem(e.Message, statusCode: 400);
            }
        });
        api.MapGet("/sources", (ReliabilityService reliability, string? kind, string? sort, int? limit) =>
        {
            if (kind is not (null or "" or "outlet" or "speaker")) return Results.Problem("kind must be outlet or speaker", statusCode: 400);
            if (sort is not (null or "" or "estimate" or "evidence")) return Results.Problem("sort must be estimate or evidence", statusCode: 400);
            return Results.Ok(reliability.Sources(kind, sort, limit));
        });
        app.MapGet("/openapi/v1.json", () => Results.Text(OpenApiDocument.Json, "application/json"));
    }
}

/// <summary>409 body: what is there now.</summary>
public sealed record ConflictView(string Error, int CurrentVersion, VerdictView? Latest);
