using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Contradictions.Core.Detection;
using Contradictions.Storage;
using Contradictions.Storage.Reliability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contradictions.Web;

/// <summary>Thrown when the server would be unsafe to start (e.g. listening off loopback without a token).</summary>
public sealed class WebConfigurationException(string message) : Exception(message);

/// <summary>Builds the review server: JSON API, OpenAPI document, HTML pages and the static assets.</summary>
public static class WebApp
{
    public const string TokenCookie = "contradictions_token";

    public static WebApplication Build(WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var urls = ParseUrls(options.Urls);
        var token = string.IsNullOrWhiteSpace(options.Token) ? null : options.Token.Trim();
        if (token is null)
        {
            var exposed = urls.Where(u => !IsLoopback(u)).ToList();
            if (exposed.Count > 0)
            {
                throw new WebConfigurationException(
                    $"refusing to listen on {string.Join(", ", exposed)} without a token: anyone who can reach it could read and change verdicts. " +
                    $"Pass --token (or set {WebOptions.TokenEnvironmentVariable}), or listen on 127.0.0.1.");
            }
        }

        // Make sure the database exists and is migrated before the first request.
        using (ClaimStore.Open(options.DbPath, options.Time)) { }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(WebApp).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls([.. urls.Select(u => u.ToString().TrimEnd('/'))]);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "contradictions_af";
            o.FormFieldName = "__RequestVerificationToken";
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        var scorer = new Lazy<IContradictionScorer>(options.ScorerFactory ?? (() => throw new InvalidOperationException("no contradiction model configured")));
        builder.Services.AddSingleton(new ReviewService(options.DbPath, options.Time, scorer));
        var reliability = new ReliabilityService(options.DbPath, options.Time, SourcePriorsFile.Load(options.PriorsPath));
        builder.Services.AddSingleton(reliability);

        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(reliability.Warm);
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers["X-Content-Type-Options"] = "nosniff";
            ctx.Response.Headers["Content-Security-Policy"] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; form-action 'self'";
            ctx.Response.Headers["Referrer-Policy"] = "no-referrer";
            if (token is not null && ctx.Request.Query.TryGetValue("token", out var given) && Same(given.ToString(), token))
            {
                // ?token= logs a browser in: remember it in a cookie and drop it from the address bar and history.
                ctx.Response.Cookies.Append(TokenCookie, token, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = ctx.Request.IsHttps,
                    Path = "/",
                });
                if (HttpMethods.IsGet(ctx.Request.Method))
                {
                    var rest = ctx.Request.Query.Where(q => q.Key != "token").SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")));
                    var query = string.Join('&', rest);
                    ctx.Response.Redirect(ctx.Request.PathBase + ctx.Request.Path + (query.Length > 0 ? "?" + query : ""));
                    return;
                }
            }
            else if (token is not null && !Authorize(ctx, token))
            {
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                ctx.Response.Headers.WWWAuthenticate = "Bearer";
                await ctx.Response.WriteAsync("a token is required: send 'Authorization: Bearer <token>' or open any page once with ?token=<token>\n");
                return;
            }
            await next(ctx);
        });
        ApiEndpoints.Map(app);
        PageEndpoints.Map(app);
        return app;
    }

    private static bool Authorize(HttpContext ctx, string token)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Same(header["Bearer ".Length..].Trim(), token)) return true;
        if (ctx.Request.Cookies.TryGetValue(TokenCookie, out var cookie) && Same(cookie, token)) return true;
        return false;
    }

    private static bool Same(string given, string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));

    internal static IReadOnlyList<Uri> ParseUrls(string urls)
    {
        var list = new List<Uri>();
        foreach (var part in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel's wildcards (http://*:5000, http://+:5000) are not valid URI hosts; they mean every interface.
            var normalised = part.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || uri.Scheme is not "http")
                throw new WebConfigurationException($"'{part}' is not an http address such as {WebOptions.DefaultUrls} (for https, put a TLS reverse proxy in front)");
            list.Add(uri);
        }
        if (list.Count == 0) throw new WebConfigurationException($"no address to listen on (e.g. {WebOptions.DefaultUrls})");
        return list;
    }

    internal static bool IsLoopback(Uri uri)
    {
        if (uri.IsLoopback) return true;
        var host = uri.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
