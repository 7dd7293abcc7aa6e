using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Model;

namespace Interviewer.Llm;

/// <summary>An answer read before grading: its injected passages, and the keyword grade of the rest of its text.</summary>
internal sealed record ScreenedAnswer(GradeRequest Request, IReadOnlyList<InjectedPassage> Injected, GradeResult KeywordGrade)
{
    public bool HasInjection => Injected.Count > 0;

    public static ScreenedAnswer Of(GradeRequest request, KeywordGrader keyword)
    {
        var injected = InjectionGuard.Find(request.Answer);
        var masked = request with { Answer = InjectionGuard.Mask(request.Answer, injected) };
        var grade = keyword.Grade(masked);
        if (injected.Count > 0)
        {
            // Offsets are the same in the masked answer; the text shown is the answer's own.
            grade = grade with
            {
                KeyPoints = grade.KeyPoints.Select(k => k with { Evidence = k.Evidence.Select(e => e with { Text = request.Answer.Substring(e.Start, e.Length) }).ToList() }).ToList(),
                Flags = grade.Flags.Append(GradeFlags.PromptInjection).Distinct().ToList(),
            };
        }
        return new ScreenedAnswer(request, injected, grade);
    }
}

/// <summary>
/// Turns the model's claims into key-point grades the evidence supports. A covered or partial claim stands only when
/// (1) its quote is in the answer (after normalisation), (2) outside every injected passage, and (3) holds at least one of
/// the key point's concepts by the keyword grader's matching; otherwise it becomes missing, flagged. A covered claim also
/// needs a quote that says more than the rubric's terms (<see cref="EvidenceStrength"/>); otherwise it becomes partial. When the
/// answer has injected passages, no key point is graded above the keyword grade of the rest of the text.
/// </summary>
internal static class VerdictChecker
{
    public static (IReadOnlyList<KeyPointGrade> KeyPoints, IReadOnlyList<string> Flags) Check(ScreenedAnswer screened, LlmVerdict verdict, KeywordGrader keyword)
    {
        ArgumentNullException.ThrowIfNull(screened);
        ArgumentNullException.ThrowIfNull(verdict);
        var request = screened.Request;
        var locator = new EvidenceLocator(request.Answer);
        var flags = new List<string>();
        var grades = new List<KeyPointGrade>();
        foreach (var keyPoint in request.Question.KeyPoints)
        {
            var claim = verdict.KeyPoints.First(c => c.Id == keyPoint.Id);
            var status = claim.Status;
            IReadOnlyList<EvidenceSpan> evidence = [];
            if (status != KeyPointStatus.Missing)
            {
                var spans = locator.Locate(claim.Quote, (start, length) => !screened.Injected.Any(p => p.Overlaps(start, length)), out var insideInjection);
                if (spans is null)
                {
                    flags.Add(insideInjection ? GradeFlags.PromptInjection : GradeFlags.UnverifiedEvidence);
                    status = KeyPointStatus.Missing;
                }
                else if (Quote(spans) is var quote && keyword.Grade(screened.Request with { Answer = quote }) is var alone &&
                    !Supports(alone, screened, keyPoint, spans))
                {
                    flags.Add(GradeFlags.UnsupportedEvidence);
                    status = KeyPointStatus.Missing;
                }
                else
                {
                    evidence = spans;
                    if (status == KeyPointStatus.Covered && !EvidenceStrength.SaysMoreThanTerms(quote, alone, keyPoint.Id))
                    {
                        status = KeyPointStatus.Partial;
                    }
                }
            }
            if (screened.HasInjection)
            {
                var cap = screened.KeywordGrade.KeyPoints.FirstOrDefault(k => k.Id == keyPoint.Id)?.Status ?? KeyPointStatus.Missing;
                status = (KeyPointStatus)Math.Min((int)status, (int)cap);
            }
            grades.Add(new KeyPointGrade(keyPoint.Id, keyPoint.Text, status, Scoring.Credit(status), status == KeyPointStatus.Missing ? [] : evidence));
        }
        return (grades, flags.Distinct().ToList());
    }

    /// <summary>The quoted passages as one text, graded alone against the whole question, unchanged (the keyword grader caches per question).</summary>
    private static string Quote(IReadOnlyList<EvidenceSpan> spans) => string.Join("\n", spans.Select(s => s.Text));

    /// <summary>
    /// Whether the quoted spans hold one of the key point's concepts: graded alone by the keyword grader, or overlapping what the
    /// keyword grader found for the key point in the whole answer.
    /// </summary>
    private static bool Supports(GradeResult alone, ScreenedAnswer screened, KeyPoint keyPoint, IReadOnlyList<EvidenceSpan> spans)
    {
        if (alone.KeyPoints.FirstOrDefault(k => k.Id == keyPoint.Id) is { Status: not KeyPointStatus.Missing })
        {
            return true;
        }
        var found = screened.KeywordGrade.KeyPoints.FirstOrDefault(k => k.Id == keyPoint.Id)?.Evidence ?? [];
        return found.Any(e => spans.Any(s => e.Start < s.Start + s.Length && s.Start < e.Start + e.Length));
    }
}
