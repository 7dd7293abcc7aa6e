using Interviewer.Api.Candidates;

namespace Interviewer.Api.Interviews;

internal sealed partial class InterviewService
{
    /// <summary>
    /// The practising candidate a start files its session under: the one named, once its token is checked, else a new
    /// one whose token goes back to the client once. Unknown is <c>not_found:</c>, a wrong token <c>forbidden:</c>, as for a session.
    /// </summary>
    private async Task<(string Id, string? NewToken)> CandidateOfAsync(StartInterviewRequest request, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(request.CandidateId))
        {
            var (issued, token) = await candidates.IssueAsync(now);
            return (issued, token);
        }
        var id = request.CandidateId.Trim();
        var check = await candidates.CheckAsync(id, request.CandidateToken?.Trim());
        return check switch
        {
            CandidateCheck.Ok => (id, null),
            CandidateCheck.Unknown => throw new InterviewException(InterviewError.NotFound,
                $"no candidate '{id}'; start without candidateId to be issued a new one"),
            _ => throw new InterviewException(InterviewError.Forbidden, $"the candidate token does not open candidate '{id}'"),
        };
    }
}
