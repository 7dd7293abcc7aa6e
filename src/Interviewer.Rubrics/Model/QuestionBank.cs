using System.Text.Json.Serialization;

namespace Interviewer.Rubrics.Model;

/// <summary>A bank of interview questions in one language, loaded from <c>rubrics/&lt;id&gt;/</c>.</summary>
/// <param name="Id">Stable identifier, the bank's folder name (e.g. <c>mlops-es</c>).</param>
/// <param name="Title">Human-readable title.</param>
/// <param name="Language">ISO 639-1 language of the questions and feedback (<c>es</c>, <c>en</c>).</param>
/// <param name="Version">Bumped on every change; every grade records bank id and version.</param>
/// <param name="Categories">The sections of the bank, in document order.</param>
/// <param name="Questions">Every question, in document order.</param>
public sealed record QuestionBank(
    string Id,
    string Title,
    string Language,
    int Version,
    IReadOnlyList<Category> Categories,
    IReadOnlyList<Question> Questions)
{
    /// <summary>Finds a question by id, or returns null.</summary>
    public Question? FindQuestion(string questionId) =>
        Questions.FirstOrDefault(q => string.Equals(q.Id, questionId, StringComparison.Ordinal));

    /// <summary>Finds a question by its exact text (ignoring surrounding white space), or returns null.</summary>
    public Question? FindQuestionByText(string text)
    {
        var wanted = text.Trim();
        return Questions.FirstOrDefault(q => string.Equals(q.Text.Trim(), wanted, StringComparison.Ordinal));
    }

    /// <summary>Finds a category by id, or returns null.</summary>
    public Category? FindCategory(string categoryId) =>
        Categories.FirstOrDefault(c => string.Equals(c.Id, categoryId, StringComparison.Ordinal));

    /// <summary>The bank's identity as recorded in every grade.</summary>
    [JsonIgnore]
    public BankRef Ref => new(Id, Version);
}

/// <summary>Bank id and version: what a grade records about the rubric that produced it.</summary>
public sealed record BankRef(string Id, int Version);
