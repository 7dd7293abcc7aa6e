using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Batch;

/// <summary>Finds a bank's questions by id or by exact text in constant time.</summary>
public sealed class QuestionResolver
{
    private readonly Dictionary<string, Question> _byId;
    private readonly Dictionary<string, Question> _byText;

    /// <summary>Indexes <paramref name="bank"/>'s questions.</summary>
    public QuestionResolver(QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        Bank = bank;
        _byId = new Dictionary<string, Question>(StringComparer.Ordinal);
        _byText = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var question in bank.Questions)
        {
            _byId.TryAdd(question.Id, question);
            _byText.TryAdd(question.Text.Trim(), question);
        }
    }

    /// <summary>The bank searched.</summary>
    public QuestionBank Bank { get; }

    /// <summary>The question with this id, or null.</summary>
    public Question? ById(string id) => _byId.GetValueOrDefault(id.Trim());

    /// <summary>The question with exactly this text (surrounding white space ignored), or null.</summary>
    public Question? ByText(string text) => _byText.GetValueOrDefault(text.Trim());
}
