using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Tests.Loading;

/// <summary>The MLOps bank that ships with the product, checked against the document it comes from.</summary>
public sealed class ShippedBankTests
{
    private static readonly Lazy<QuestionBank> Bank = new(() => BankCatalog.Load(BankCatalog.DefaultRoot).Find("mlops-es")!);

    public static TheoryData<string, string> DocumentQuestions()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "document-questions.tsv")))
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                var parts = line.Split('\t');
                data.Add(parts[0], parts[1]);
            }
        }
        return data;
    }

    [Fact]
    public void ShippedRubrics_LoadWithoutProblems()
    {
        var (banks, problems) = BankCatalog.LoadAll(BankCatalog.DefaultRoot);

        Assert.Empty(problems);
        Assert.Contains(banks, b => b.Id == "mlops-es");
    }

    [Theory]
    [MemberData(nameof(DocumentQuestions))]
    public void DocumentQuestion_IsInTheBankWithTheSameTextAndSection(string category, string text)
    {
        var question = Bank.Value.FindQuestionByText(text);

        Assert.True(question is not null, $"The document's question is not in the bank: {text}");
        Assert.Equal(category, question.Category);
    }

    [Fact]
    public void Bank_HoldsExactlyTheDocumentsQuestions_InDocumentOrder()
    {
        var expected = DocumentQuestions().Select(row => (string)row[1]).ToList();

        Assert.Equal(expected, Bank.Value.Questions.Select(q => q.Text));
    }

    [Fact]
    public void EveryQuestion_HasAtLeastThreeKeyPoints_EachWithAFollowUpAndConcepts()
    {
        Assert.All(Bank.Value.Questions, question =>
        {
            Assert.True(question.KeyPoints.Count >= 3, $"{question.Id} has {question.KeyPoints.Count} key points");
            Assert.False(string.IsNullOrWhiteSpace(question.ModelAnswer));
            Assert.False(string.IsNullOrWhiteSpace(question.Evaluates));
            Assert.All(question.KeyPoints, keyPoint =>
            {
                Assert.EndsWith("?", keyPoint.FollowUp, StringComparison.Ordinal);
                Assert.NotEmpty(keyPoint.Concepts);
            });
        });
    }

    [Fact]
    public void FaqCategory_IsNotInTheDefaultPlan()
    {
        var faq = Bank.Value.FindCategory("faq");

        Assert.NotNull(faq);
        Assert.False(faq.InDefaultPlan);
        Assert.Equal(5, Bank.Value.Questions.Count(q => q.Category == "faq"));
    }
}
