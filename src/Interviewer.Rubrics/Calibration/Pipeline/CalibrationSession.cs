using Interviewer.Rubrics.Calibration.Analysis;
using Interviewer.Rubrics.Calibration.Diagnostics;
using Interviewer.Rubrics.Calibration.Input;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Tabular;

namespace Interviewer.Rubrics.Calibration.Pipeline;

/// <summary>
/// A calibration from input rows to report, kept so that suggestions can be tried on it (what-if) without grading
/// the untouched answers again. Rows with several raters' columns are expanded first (<see cref="RaterColumns"/>), then
/// read and graded by <see cref="CalibrationRows"/> and <see cref="CalibrationRunner"/>, then grouped into answers.
/// </summary>
public sealed class CalibrationSession
{
    private CalibrationSession(IAnswerGrader grader, QuestionBank bank, IReadOnlyList<GradedCalibrationAnswer> answers,
        IReadOnlyList<CalibrationProblemEntry> problems, int rowsRead, CalibrationOptions options, CalibrationReport report)
    {
        Grader = grader;
        Bank = bank;
        Answers = answers;
        Problems = problems;
        RowsRead = rowsRead;
        Options = options;
        Report = report;
    }

    /// <summary>The grader measured.</summary>
    public IAnswerGrader Grader { get; }

    /// <summary>The bank graded against (an empty bank when none was given).</summary>
    public QuestionBank Bank { get; }

    /// <summary>The graded answers.</summary>
    public IReadOnlyList<GradedCalibrationAnswer> Answers { get; }

    /// <summary>Rows left out.</summary>
    public IReadOnlyList<CalibrationProblemEntry> Problems { get; }

    /// <summary>Score rows read.</summary>
    public int RowsRead { get; }

    /// <summary>Report options.</summary>
    public CalibrationOptions Options { get; }

    /// <summary>The report.</summary>
    public CalibrationReport Report { get; }

    /// <summary>Reads, grades and analyses <paramref name="rows"/>.</summary>
    /// <param name="rows">Input rows (CSV or JSON Lines, read by <see cref="TabularReader"/>).</param>
    /// <param name="grader">The grader to measure.</param>
    /// <param name="bank">The bank to find questions in; null to draft every rubric from reference answers.</param>
    /// <param name="options">Report options.</param>
    /// <param name="progress">Receives the number of rows graded.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<CalibrationSession> RunAsync(IEnumerable<TabularRow> rows, IAnswerGrader grader, QuestionBank? bank,
        CalibrationOptions? options = null, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(grader);
        options ??= new CalibrationOptions();
        var (parsed, readProblems) = CalibrationRows.ReadExpanded(rows);
        var run = await new CalibrationRunner(grader, bank) { CrossValidation = options.CrossValidation }.RunAsync(parsed, progress, ct).ConfigureAwait(false);
        var scored = run.Items.Select(i => new ScoredRow(i.Row.Line, i.Row.AnswerId, i.Question, i.Drafted, i.Row.Answer, i.Row.Score,
            i.Row.MaxScore, i.Row.Rater, i.Row.KeyPoints, i.Grade));
        var (answers, groupProblems) = CalibrationAnswers.Group(scored);
        var problems = readProblems.Concat(run.Problems).Select(p => new CalibrationProblemEntry(p.Line, p.Message))
            .Concat(groupProblems).OrderBy(p => p.Line).ToList();
        var rowsRead = parsed.Count + readProblems.Count;
        var used = bank ?? new QuestionBank(CalibrationRunner.DraftedBankId, "Drafted from reference answers", "en", 1, [], []);
        var report = CalibrationAnalyzer.Analyze(used.Ref, grader.Name, answers, problems, rowsRead, options) with { CrossValidation = options.CrossValidation };
        return new CalibrationSession(grader, used, answers, problems, rowsRead, options, report);
    }

    /// <summary>Applies <paramref name="suggestions"/> to a copy of the rubric, re-grades and reports (the original is untouched).</summary>
    public async Task<CalibrationReport> WhatIfAsync(IReadOnlyList<RubricSuggestion> suggestions, CancellationToken ct = default)
    {
        var (report, _) = await WhatIf.RunAsync(Grader, Bank, Answers, Report, suggestions, Problems, Options, ct).ConfigureAwait(false);
        return report;
    }
}
