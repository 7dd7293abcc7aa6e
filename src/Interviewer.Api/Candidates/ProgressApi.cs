using Interviewer.Api.Interviews;
using Interviewer.Api.Storage;
using Interviewer.Rubrics.Loading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Interviewer.Api.Candidates;

/// <summary>
/// <c>GET /api/candidates/{id}/progress</c>: a practising candidate's past interviews and weak areas, opened by the
/// candidate's own token in the <c>X-Candidate-Token</c> header (not a reviewer key): missing 401, unknown candidate 404,
/// wrong token 403 — as <c>ResumeInterview</c> answers for a session.
/// </summary>
public static class ProgressApi
{
    public const string TokenHeader = "X-Candidate-Token";

    /// <summary>Maps the route; it needs no reviewer key.</summary>
    public static RouteHandlerBuilder MapProgressApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/candidates/{id}/progress", GetAsync)
            .WithTags("Candidates")
            .WithSummary($"A practising candidate's interviews (newest first, at most {CandidateProgress.MaxInterviews}) and weak areas; the candidate's token in the {TokenHeader} header.");

    private static async Task<Results<Ok<ProgressReport>, ProblemHttpResult>> GetAsync(
        string id, HttpRequest request, CandidateStore candidates, InterviewStore store, BankCatalog catalog, CancellationToken ct)
    {
        var token = request.Headers[TokenHeader].ToString();
        if (string.IsNullOrWhiteSpace(token))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Candidate token needed",
                detail: $"Send the candidate's token (returned by the first practice StartInterview as candidateToken) in the {TokenHeader} header.");
        }
        var check = await candidates.CheckAsync(id, token.Trim(), ct);
        if (check == CandidateCheck.Unknown)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Candidate not found", detail: $"No candidate '{id}'.");
        }
        if (check == CandidateCheck.WrongToken)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Wrong candidate token",
                detail: $"The token in {TokenHeader} does not open candidate '{id}'.");
        }

        var sessions = await store.LoadAsync(await candidates.SessionIdsAsync(id, CandidateProgress.MaxInterviews, ct), ct);
        var report = CandidateProgress.Build(id, sessions);
        // A plan names only questions the bank still has, so that starting it never fails on a retired question.
        var bank = report.Practice is { } plan ? catalog.Find(plan.BankId) : null;
        var served = report.Practice?.QuestionIds.Where(q => bank?.FindQuestion(q) is not null).ToList() ?? [];
        return TypedResults.Ok(report with { Practice = served.Count > 0 ? report.Practice! with { QuestionIds = served } : null });
    }
}
