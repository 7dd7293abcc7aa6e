using Interviewer.Api.Security;
using Interviewer.Rubrics.Grading;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Grading;

/// <summary><c>GET /api/graders</c>: the graders this service has configured, so that pages offer only those.</summary>
public static class GradersApi
{
    /// <summary>Maps the route; it is public: grader names say nothing about questions or answers.</summary>
    public static RouteHandlerBuilder MapGradersApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/graders", (GraderRegistry graders, IOptions<LimitsOptions> limits) =>
            {
                var open = limits.Value.PracticeGraderNames();
                var practice = graders.Names.Where(name => open.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
                return TypedResults.Ok(new GraderList(graders.DefaultName, graders.Names, practice));
            })
            .WithTags("Grading")
            .WithSummary("The configured graders, the default one (llm and dual appear only when an LLM is configured) and those open to practice interviews.");
}

/// <summary>The configured graders; <c>default</c> is used when a request names none; <c>practice</c> are those a practice interview may choose.</summary>
public sealed record GraderList(string Default, IReadOnlyList<string> Names, IReadOnlyList<string> Practice);
