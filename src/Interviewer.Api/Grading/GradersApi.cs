using Interviewer.Rubrics.Grading;

namespace Interviewer.Api.Grading;

/// <summary><c>GET /api/graders</c>: the graders this service has configured, so that pages offer only those.</summary>
public static class GradersApi
{
    /// <summary>Maps the route; it is public: grader names say nothing about questions or answers.</summary>
    public static RouteHandlerBuilder MapGradersApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/graders", (GraderRegistry graders) => TypedResults.Ok(new GraderList(graders.DefaultName, graders.Names)))
            .WithTags("Grading")
            .WithSummary("The configured graders and the default one (llm and dual appear only when an LLM is configured).");
}

/// <summary>The configured graders; <c>default</c> is used when a request names none.</summary>
public sealed record GraderList(string Default, IReadOnlyList<string> Names);
