namespace Contradictions.Web;

/// <summary>
/// Hand-written OpenAPI 3.0 document of the JSON API (Microsoft.AspNetCore.OpenApi is a NuGet package, not part of
/// the shared framework; a small static document avoids the dependency). Keep it in step with <see cref="ApiEndpoints"/>.
/// </summary>
internal static class OpenApiDocument
{
    public const string Json = """
    {
      "openapi": "3.0.3",
      "info": { "title": "Contradictions review API", "version": "v1" },
      "components": {
        "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
        "schemas": {
          "Verdict": { "type": "string", "enum": ["a_right", "b_right", "unresolved", "not_contradiction", "different_subjects"] },
          "VerdictInput": {
            "type": "object", "required": ["verdict", "reviewer", "expectedVersion"],
            "properties": {
              "verdict": { "$ref": "#/components/schemas/Verdict" },
              "reviewer": { "type": "string" },
              "note": { "type": "string", "nullable": true },
              "expectedVersion": { "type": "integer", "description": "number of verdicts the reviewer saw (0 for none)" }
            }
          },
          "VerdictView": {
            "type": "object",
            "properties": {
              "verdict": { "$ref": "#/components/schemas/Verdict" }, "reviewer": { "type": "string" }, "note": { "type": "string", "nullable": true },
              "createdAt": { "type": "string", "format": "date-time" }, "version": { "type": "integer" }
            }
          },
          "Conflict": {
            "type": "object",
            "properties": { "error": { "type": "string" }, "currentVersion": { "type": "integer" }, "latest": { "$ref": "#/components/schemas/VerdictView" } }
          },
          "Link": { "type": "object", "properties": { "name": { "type": "string" }, "kind": { "type": "string" }, "anonymous": { "type": "boolean" } } },
          "Side": {
            "type": "object",
            "properties": {
              "claimId": { "type": "integer" }, "articleId": { "type": "integer" }, "article": { "type": "string" }, "title": { "type": "string", "nullable": true },
              "outlet": { "type": "string", "nullable": true }, "published": { "type": "string", "format": "date", "nullable": true },
              "chain": { "type": "array", "items": { "$ref": "#/components/schemas/Link" } }, "speaker": { "type": "string", "nullable": true }, "text": { "type": "string" }
            }
          },
          "FlagSummary": {
            "type": "object",
            "properties": {
              "id": { "type": "integer" }, "confidence": { "type": "number" }, "kind": { "type": "string", "enum": ["Denial", "Factual", "Position"] },
              "status": { "type": "string" }, "version": { "type": "integer" },
              "a": { "$ref": "#/components/schemas/Side" }, "b": { "$ref": "#/components/schemas/Side" }
            }
          },
          "FlagPage": {
            "type": "object",
            "properties": {
              "items": { "type": "array", "items": { "$ref": "#/components/schemas/FlagSummary" } },
              "total": { "type": "integer" }, "page": { "type": "integer" }, "pageSize": { "type": "integer" },
              "totalIsLowerBound": { "type": "boolean", "description": "true when more than total flags match: a filtered count stops at 1000 (or at the end of the page)" }
            }
          },
          "SideDetail": {
            "type": "object",
            "properties": {
              "side": { "$ref": "#/components/schemas/Side" }, "polarity": { "type": "string" }, "paragraph": { "type": "string" },
              "claimStart": { "type": "integer" }, "claimLength": { "type": "integer" }
            }
          },
          "Stance": { "type": "object", "properties": { "agree": { "type": "number" }, "disagree": { "type": "number" }, "discuss": { "type": "number" }, "unrelated": { "type": "number" } } },
          "FlagDetail": {
            "type": "object",
            "properties": {
              "id": { "type": "integer" }, "confidence": { "type": "number" }, "kind": { "type": "string" }, "status": { "type": "string" }, "version": { "type": "integer" },
              "a": { "$ref": "#/components/schemas/SideDetail" }, "b": { "$ref": "#/components/schemas/SideDetail" },
              "cues": { "type": "array", "items": { "type": "string" } }, "cueWords": { "type": "array", "items": { "type": "string" } },
              "stanceBTowardsA": { "$ref": "#/components/schemas/Stance" }, "stanceATowardsB": { "$ref": "#/components/schemas/Stance" },
              "verdicts": { "type": "array", "items": { "$ref": "#/components/schemas/VerdictView" } },
              "reliability": { "$ref": "#/components/schemas/FlagReliability" }
            }
          },
          "SourceEstimate": {
            "type": "object",
            "properties": {
              "name": { "type": "string" }, "kind": { "type": "string", "enum": ["outlet", "speaker"] },
              "estimate": { "type": "number", "minimum": 0, "maximum": 1 }, "low": { "type": "number", "minimum": 0, "maximum": 1, "description": "5% quantile of the Beta posterior" },
              "high": { "type": "number", "minimum": 0, "maximum": 1, "description": "95% quantile of the Beta posterior" }
            }
          },
          "SideReliability": {
            "type": "object", "nullable": true, "description": "null when the side's claim credits no source",
            "properties": {
              "source": { "type": "string", "description": "the voice: the chain's speaker, or the outlet speaking for itself" }, "kind": { "type": "string" },
              "estimate": { "type": "number" }, "low": { "type": "number" }, "high": { "type": "number" },
              "sources": { "type": "array", "items": { "$ref": "#/components/schemas/SourceEstimate" }, "description": "every source of the chain, outlet first" }
            }
          },
          "FlagReliability": {
            "type": "object",
            "properties": {
              "a": { "$ref": "#/components/schemas/SideReliability" }, "b": { "$ref": "#/components/schemas/SideReliability" },
              "likelierRight": { "type": "string", "enum": ["a", "b"], "nullable": true, "description": "a reviewer's a_right/b_right, else the sources' comparison when it is decisive; null when undetermined" },
              "probabilityARight": { "type": "number", "description": "P(A right) from the two sides' sources alone" },
              "reason": { "type": "string" },
              "updating": { "type": "boolean", "description": "true when the store changed since these estimates were computed; they are being recomputed in the background (the flag's own latest verdict is already applied to likelierRight)" }
            }
          },
          "Evidence": {
            "type": "object",
            "properties": {
              "claims": { "type": "integer" }, "supported": { "type": "integer" }, "refuted": { "type": "integer" }, "reported": { "type": "integer" },
              "corroborated": { "type": "integer" }, "contradicted": { "type": "integer" }, "denials": { "type": "integer" },
              "confirmedByReviewers": { "type": "integer" }, "rejectedByReviewers": { "type": "integer" },
              "anonymousShare": { "type": "number" }, "effectiveEvidence": { "type": "number", "description": "observations beyond the prior" }
            }
          },
          "Source": {
            "type": "object",
            "properties": {
              "name": { "type": "string" }, "kind": { "type": "string", "enum": ["outlet", "speaker"] },
              "estimate": { "type": "number", "minimum": 0, "maximum": 1 }, "low": { "type": "number", "minimum": 0, "maximum": 1 }, "high": { "type": "number", "minimum": 0, "maximum": 1 },
              "prior": { "type": "number", "description": "mean of the prior" }, "priorFromList": { "type": "boolean" },
              "evidence": { "$ref": "#/components/schemas/Evidence" }
            }
          },
          "SourceList": {
            "type": "object",
            "properties": {
              "minFlagConfidence": { "type": "number" }, "flagsCounted": { "type": "integer" }, "total": { "type": "integer" },
              "sources": { "type": "array", "items": { "$ref": "#/components/schemas/Source" } }
            }
          },
          "ArticleInput": {
            "type": "object", "required": ["body"],
            "properties": {
              "id": { "type": "string" }, "outlet": { "type": "string" }, "published": { "type": "string", "format": "date" },
              "title": { "type": "string" }, "body": { "type": "string" }, "url": { "type": "string" }
            }
          },
          "ArticleAdded": {
            "type": "object",
            "properties": {
              "articleId": { "type": "integer" }, "alreadyStored": { "type": "boolean" }, "claims": { "type": "integer" },
              "flags": { "type": "array", "items": { "$ref": "#/components/schemas/FlagSummary" } }
            }
          },
          "Article": {
            "type": "object",
            "properties": {
              "id": { "type": "integer" }, "key": { "type": "string" }, "title": { "type": "string", "nullable": true }, "outlet": { "type": "string", "nullable": true },
              "published": { "type": "string", "format": "date", "nullable": true }, "url": { "type": "string", "nullable": true }, "text": { "type": "string" },
              "claims": { "type": "array", "items": { "type": "object" } }
            }
          }
        }
      },
      "security": [ { "bearer": [] } ],
      "paths": {
        "/api/flags": {
          "get": {
            "summary": "Flags, most confident first, filtered and paged",
            "parameters": [
              { "name": "status", "in": "query", "schema": { "type": "string", "enum": ["unreviewed", "reviewed", "contradiction", "a_right", "b_right", "unresolved", "not_contradiction", "different_subjects"] } },
              { "name": "kind", "in": "query", "schema": { "type": "string" } },
              { "name": "outlet", "in": "query", "schema": { "type": "string" } },
              { "name": "speaker", "in": "query", "schema": { "type": "string" } },
              { "name": "subject", "in": "query", "schema": { "type": "string" } },
              { "name": "minConfidence", "in": "query", "schema": { "type": "number" } },
              { "name": "page", "in": "query", "schema": { "type": "integer", "default": 1 } },
              { "name": "pageSize", "in": "query", "schema": { "type": "integer", "default": 25, "maximum": 200 } }
            ],
            "responses": { "200": { "description": "a page of flags", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FlagPage" } } } } }
          }
        },
        "/api/flags/{id}": {
          "get": {
            "summary": "One flag with both sides, paragraphs, cues, stance probabilities, verdict history and both sides' source reliability",
            "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ],
            "responses": {
              "200": { "description": "the flag", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FlagDetail" } } } },
              "404": { "description": "no such flag" }
            }
          }
        },
        "/api/flags/{id}/verdicts": {
          "post": {
            "summary": "Add a verdict (optimistic concurrency on expectedVersion)",
            "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/VerdictInput" } } } },
            "responses": {
              "201": { "description": "added", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/VerdictView" } } } },
              "400": { "description": "invalid verdict, reviewer or expectedVersion" },
              "404": { "description": "no such flag" },
              "409": { "description": "another verdict landed meanwhile", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Conflict" } } } }
            }
          }
        },
        "/api/sources": {
          "get": {
            "summary": "Reliability of outlets and speakers: estimate, 90% credible interval, prior and evidence",
            "parameters": [
              { "name": "kind", "in": "query", "schema": { "type": "string", "enum": ["outlet", "speaker"] } },
              { "name": "sort", "in": "query", "schema": { "type": "string", "enum": ["estimate", "evidence"], "default": "estimate" } },
              { "name": "limit", "in": "query", "schema": { "type": "integer", "default": 100, "maximum": 1000 } }
            ],
            "responses": {
              "200": { "description": "sources", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SourceList" } } } },
              "400": { "description": "unknown kind or sort" }
            }
          }
        },
        "/api/articles/{id}": {
          "get": {
            "summary": "One stored article with its claims",
            "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ],
            "responses": {
              "200": { "description": "the article", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Article" } } } },
              "404": { "description": "no such article" }
            }
          }
        },
        "/api/articles": {
          "post": {
            "summary": "Ingest an article and detect contradictions; returns the flags that involve it",
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ArticleInput" } } } },
            "responses": {
              "201": { "description": "stored", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ArticleAdded" } } } },
              "400": { "description": "missing body or bad date" }
            }
          }
        }
      }
    }
    """;
}
