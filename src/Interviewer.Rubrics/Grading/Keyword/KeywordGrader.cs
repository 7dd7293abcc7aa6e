using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Grading.Keyword;

/// <summary>
/// The deterministic, offline grader: finds each key point's concepts in the answer.
/// </summary>
public sealed class KeywordGrader : IAnswerGrader
{
    /// <inheritdoc />
    public string Name => GraderNames.Keyword;

    /// <inheritdoc />
    public ValueTask<GradeResult> GradeAsync(GradeRequest request, CancellationToken ct = default) =>
        ValueTask.FromResult(Grade(request));

    /// <summary>Grades synchronously: the keyword grader does no I/O.</summary>
    public GradeResult Grade(GradeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = request.Answer;
        var grades = new List<KeyPointGrade>();
        foreach (var keyPoint in request.Question.KeyPoints)
        {
            var evidence = new List<EvidenceSpan>();
            var found = 0;
            foreach (var concept in keyPoint.Concepts)
            {
                foreach (var phrase in concept.Phrases)
                {
                    var at = answer.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
                    if (at >= 0)
                    {
                        evidence.Add(new EvidenceSpan(at, phrase.Length, answer.Substring(at, phrase.Length)));
                        found++;
                        break;
                    }
                }
            }
            var coverage = keyPoint.Concepts.Count == 0 ? 0 : (double)found / keyPoint.Concepts.Count;
            var status = coverage >= 1 ? KeyPointStatus.Covered : coverage > 0 ? KeyPointStatus.Partial : KeyPointStatus.Missing;
            grades.Add(new KeyPointGrade(keyPoint.Id, keyPoint.Text, status, coverage, evidence));
        }
        var flags = string.IsNullOrWhiteSpace(answer) ? new[] { GradeFlags.Empty } : [];
        return new GradeResult(
            request.Question.Id,
            Scoring.Score(request.Question, grades),
            Name,
            Degraded: false,
            request.Bank.Ref,
            grades,
            Scoring.FollowUpTarget(request.Question, grades)?.FollowUp,
            Feedback: string.Empty,
            flags);
    }
}
