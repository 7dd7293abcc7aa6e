using Interviewer.Rubrics.Calibration.Analysis;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Calibration.Diagnostics;

/// <summary>
/// Tries rubric suggestions before anyone edits the real files: applies them to an in-memory copy of the rubric
/// (bank version + 1), re-grades every answer and reports the new agreement beside the old.
/// </summary>
public static class WhatIf
{
    /// <summary>Re-grades with the suggestions applied and returns the new report, with <see cref="CalibrationReport.WhatIf"/> set.</summary>
    /// <param name="grader">The grader of the original report.</param>
    /// <param name="bank">The bank of the original report.</param>
    /// <param name="answers">The graded answers of the original report.</param>
    /// <param name="before">The original report.</param>
    /// <param name="suggestions">The suggestions to try.</param>
    /// <param name="problems">The original report's row problems (carried over).</param>
    /// <param name="options">Report options.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<(CalibrationReport Report, IReadOnlyList<GradedCalibrationAnswer> Answers)> RunAsync(
        IAnswerGrader grader, QuestionBank bank, IReadOnlyList<GradedCalibrationAnswer> answers, CalibrationReport before,
        IReadOnlyList<RubricSuggestion> suggestions, IReadOnlyList<CalibrationProblemEntry> problems, CalibrationOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(grader);
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(before);
        var questions = answers.Select(a => a.Answer.Question).Concat(bank.Questions)
            .GroupBy(q => q.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var (edited, applied, rejected) = RubricEdits.Apply(questions, suggestions);
        var editedBank = bank with
        {
            Version = bank.Version + 1,
            Questions = bank.Questions.Select(q => edited.GetValueOrDefault(q.Id, q)).ToList(),
        };
        var regraded = new List<GradedCalibrationAnswer>(answers.Count);
        foreach (var answer in answers)
        {
            var question = edited.GetValueOrDefault(answer.Answer.Question.Id, answer.Answer.Question);
            if (ReferenceEquals(question, answer.Answer.Question))
            {
                regraded.Add(answer);
                continue;
            }
            var grade = await grader.GradeAsync(new GradeRequest(editedBank, question, answer.Answer.Answer), ct).ConfigureAwait(false);
            regraded.Add(new GradedCalibrationAnswer(answer.Answer with { Question = question }, grade));
        }
        var report = CalibrationAnalyzer.Analyze(editedBank.Ref, before.Grader, regraded, problems, before.Rows.Read, options) with
        {
            WhatIf = new WhatIfInfo(applied, rejected, before.Overall, editedBank.Version),
        };
        return (report, regraded);
    }
}
