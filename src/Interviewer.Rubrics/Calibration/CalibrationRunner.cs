using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Drafting;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Calibration;

/// <summary>
/// Grades every calibration row with a grader (through <see cref="BatchGrader"/>, in parallel) and pairs the human score with the grader's, both on 0–1.
/// A row's question is found in the bank by id, else by exact text; otherwise its rubric is drafted from the row's
/// reference answer (once per question); a row with neither is reported and left out.
/// </summary>
public sealed class CalibrationRunner
{
    /// <summary>The bank id given to rubrics drafted from reference answers.</summary>
    public const string DraftedBankId = "drafted";

    private readonly IAnswerGrader _grader;
    private readonly QuestionBank? _bank;
    private readonly RubricDrafter _drafter;

    /// <summary>Creates a runner.</summary>
    /// <param name="grader">The grader to measure.</param>
    /// <param name="bank">The bank questions are looked up in; null to draft every rubric from reference answers.</param>
    /// <param name="drafter">Drafts rubrics for questions not in the bank; null for the default drafter.</param>
    public CalibrationRunner(IAnswerGrader grader, QuestionBank? bank = null, RubricDrafter? drafter = null)
    {
        ArgumentNullException.ThrowIfNull(grader);
        _grader = grader;
        _bank = bank;
        _drafter = drafter ?? new RubricDrafter();
    }

    /// <summary>
    /// With a value, each answer is graded with the other folds' answers of its question as exemplars instead of the
    /// bank's own exemplars; null (the default) grades with the bank as it is.
    /// </summary>
    public CrossValidation? CrossValidation { get; init; }

    /// <summary>How the rows are graded in parallel; null for the options suited to the grader.</summary>
    public BatchGradingOptions? Batch { get; init; }

    /// <summary>Grades every row (in parallel, results in input order). <paramref name="progress"/> receives the number of rows done.</summary>
    public async Task<CalibrationRun> RunAsync(IEnumerable<CalibrationRow> rows, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var problems = new List<CalibrationProblem>();
        var drafts = new Dictionary<string, (QuestionBank Bank, Question Question)>(StringComparer.Ordinal);
        var resolved = new List<(CalibrationRow Row, QuestionBank Bank, Question Question, bool Drafted)>();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            if (Resolve(row, drafts, problems) is { } found)
            {
                resolved.Add((row, found.Bank, found.Question, found.Drafted));
            }
        }
        var graded = CrossValidation is { } folds
            ? folds.Assign([.. resolved.Select(r => (r.Row, r.Question))])
            : [.. resolved.Select(r => r.Question)];

        var batch = resolved.Select((r, i) => new BatchItem(r.Row.Line, r.Row.AnswerId, null, r.Question.Id, graded[i], r.Row.Answer) { Bank = r.Bank });
        var items = new List<CalibrationItem>(resolved.Count);
        var fallback = _bank ?? new QuestionBank(DraftedBankId, "Drafted from reference answers", "en", 1, [], []);
        var index = 0;
        await foreach (var result in BatchGrader.GradeAsync(batch, fallback, _grader, Batch ?? BatchGradingOptions.For(_grader.Name), ct).ConfigureAwait(false))
        {
            var (row, bank, question, drafted) = resolved[index++];
            if (result.Grade is { } grade)
            {
                items.Add(new CalibrationItem(row, question, bank, drafted, Math.Clamp(row.NormalizedScore, 0, 1), Math.Clamp(grade.Score / 100, 0, 1), grade));
            }
            else
            {
                problems.Add(new CalibrationProblem(row.Line, result.Error ?? "grading failed"));
            }
            progress?.Report(index);
        }
        return new CalibrationRun(items, [.. problems.OrderBy(p => p.Line)]);
    }

    private (QuestionBank Bank, Question Question, bool Drafted)? Resolve(
        CalibrationRow row, Dictionary<string, (QuestionBank Bank, Question Question)> drafts, List<CalibrationProblem> problems)
    {
        if (_bank is not null)
        {
            var found = (row.QuestionId is { } id ? _bank.FindQuestion(id) : null)
                ?? (row.Question is { } text ? _bank.FindQuestionByText(text) : null);
            if (found is not null)
            {
                return (_bank, found, false);
            }
        }

        var key = row.QuestionId ?? row.Question!;
        if (drafts.TryGetValue(key, out var draft))
        {
            return (draft.Bank, draft.Question, true);
        }
        if (row.ReferenceAnswer is null || row.Question is null)
        {
            var what = row.QuestionId is not null ? $"question id '{row.QuestionId}'" : $"question \"{Shorten(row.Question!)}\"";
            var where = _bank is null ? "no bank was given" : $"not in bank '{_bank.Id}'";
            problems.Add(new CalibrationProblem(row.Line,
                $"unknown {what} ({where}): give the row a question and a reference_answer to grade it against a drafted rubric"));
            return null;
        }
        var question = _drafter.Draft(new DraftSource(row.Question, row.ReferenceAnswer) { Id = row.QuestionId });
        var language = RubricDrafter.DetectLanguage(row.ReferenceAnswer + " " + row.Question);
        var bank = new QuestionBank(DraftedBankId, "Drafted from reference answers", language, 1,
            [new Category(RubricDrafter.DraftedCategory, "Drafted")], [question]);
        drafts[key] = (bank, question);
        return (bank, question, true);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
}

/// <summary>One graded calibration row.</summary>
/// <param name="Row">The row as read.</param>
/// <param name="Question">The question it was graded against (from the bank, or drafted).</param>
/// <param name="Bank">The bank of that question (a one-question bank when drafted).</param>
/// <param name="Drafted">True when the rubric was drafted from the row's reference answer.</param>
/// <param name="Human">The human score, 0–1.</param>
/// <param name="Grader">The grader's score, 0–1.</param>
/// <param name="Grade">The full grade.</param>
public sealed record CalibrationItem(CalibrationRow Row, Question Question, QuestionBank Bank, bool Drafted, double Human, double Grader, GradeResult Grade);

/// <summary>The outcome of a calibration run: graded rows, and rows left out.</summary>
/// <param name="Items">Graded rows in input order.</param>
/// <param name="Problems">Rows left out, with why.</param>
public sealed record CalibrationRun(IReadOnlyList<CalibrationItem> Items, IReadOnlyList<CalibrationProblem> Problems);
