using System.Globalization;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Tabular;

namespace Interviewer.Rubrics.Batch;

/// <summary>
/// Turns rows (CSV or JSON Lines, read by <see cref="TabularReader"/>) into batch items: the question resolved by id
/// (<c>question_id</c>) or by its exact text (<c>question</c>), the answer checked. A bad row becomes an item with an error
/// and its line number; reading goes on.
/// </summary>
public static class BatchReader
{
    /// <summary>The column names read, in the order they are documented.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["id", "question_id", "question", "answer", "candidate"];

    /// <summary>Reads items from rows, lazily: memory stays flat whatever the number of rows.</summary>
    /// <param name="rows">Rows from <see cref="TabularReader.Read"/>, or built by a host from a request body.</param>
    /// <param name="bank">The bank the questions are looked up in.</param>
    /// <param name="maxAnswerLength">Longest answer accepted, in characters.</param>
    /// <exception cref="BatchInputException">The first row shows the input lacks a needed column altogether.</exception>
    public static IEnumerable<BatchItem> Read(IEnumerable<TabularRow> rows, QuestionBank bank, int maxAnswerLength = BatchLimits.DefaultMaxAnswerLength)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(bank);
        return ReadIterator(rows, new QuestionResolver(bank), maxAnswerLength);
    }

    private static IEnumerable<BatchItem> ReadIterator(IEnumerable<TabularRow> rows, QuestionResolver resolver, int maxAnswerLength)
    {
        var first = true;
        foreach (var row in rows)
        {
            if (first && row.Error is null)
            {
                CheckColumns(row);
                first = false;
            }
            yield return ToItem(row, resolver, maxAnswerLength);
        }
    }

    /// <summary>Turns one row into an item (with an error when it cannot be graded).</summary>
    public static BatchItem ToItem(TabularRow row, QuestionResolver resolver, int maxAnswerLength = BatchLimits.DefaultMaxAnswerLength)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(resolver);
        var id = Field(row, "id");
        var candidate = Field(row, "candidate");
        var questionId = Field(row, "question_id");
        var questionText = Field(row, "question");
        if (row.Error is not null)
        {
            return new BatchItem(row.Line, id, candidate, questionId, null, null, row.Error);
        }

        string? error = null;
        Question? question = null;
        if (questionId is not null)
        {
            question = resolver.ById(questionId);
            error = question is null ? $"unknown question '{Shorten(questionId)}' in bank '{resolver.Bank.Id}'" : null;
        }
        else if (questionText is not null)
        {
            question = resolver.ByText(questionText);
            error = question is null ? $"no question in bank '{resolver.Bank.Id}' has this exact text: '{Shorten(questionText)}'" : null;
        }
        else
        {
            error = "no question: give 'question_id' (or the question's exact text in 'question')";
        }

        var answer = row.Fields.TryGetValue("answer", out var value) ? value : null;
        if (error is null)
        {
            if (answer is null)
            {
                error = "no 'answer' field";
            }
            else if (string.IsNullOrWhiteSpace(answer))
            {
                error = "empty answer";
            }
            else if (answer.Length > maxAnswerLength)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"answer too long: {answer.Length:N0} characters, the limit is {maxAnswerLength:N0}");
            }
        }
        return new BatchItem(row.Line, id, candidate, question?.Id ?? questionId, error is null ? question : null, answer, error);
    }

    private static void CheckColumns(TabularRow row)
    {
        var keys = row.Fields.Keys;
        var hasQuestion = keys.Any(k => k is "question_id" or "question");
        var hasAnswer = keys.Contains("answer");
        if (hasQuestion && hasAnswer)
        {
            return;
        }
        var missing = new List<string>();
        if (!hasQuestion)
        {
            missing.Add("question_id (or question)");
        }
        if (!hasAnswer)
        {
            missing.Add("answer");
        }
        throw new BatchInputException(
            $"line {row.Line}: missing column(s) {string.Join(" and ", missing)}; found: {(row.Fields.Count == 0 ? "none" : string.Join(", ", keys))}. " +
            "Expected a header row such as 'id,question_id,answer'.");
    }

    private static string? Field(TabularRow row, string column) => row.Get(column)?.Trim();

    internal static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= 80 ? oneLine : string.Concat(oneLine.AsSpan(0, 80), "…");
    }
}

/// <summary>The input as a whole cannot be read as a batch (e.g. it has no answer column).</summary>
public sealed class BatchInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BatchInputException()
    {
    }

    /// <summary>Creates the exception with a message that says what is wrong and where.</summary>
    public BatchInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public BatchInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Limits that apply to a batch wherever it is graded.</summary>
public static class BatchLimits
{
    /// <summary>Longest answer accepted by default, in characters (about 3,000 words).</summary>
    public const int DefaultMaxAnswerLength = 20_000;
}
