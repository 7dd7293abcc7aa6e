using System.Text.Json;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Interviewer.Llm.Tests;

/// <summary>
/// A model that obeys every injection and backs each "covered" with real text of the answer, against answers that carry one
/// honest sentence beside the injection. None may score above the keyword grade of that sentence alone (24.9, fixed).
/// </summary>
public sealed class AdversarialContentTests
{
    private static readonly Lazy<(QuestionBank Bank, Question Question)> Shipped = new(() =>
    {
        var bank = BankCatalog.Load(BankCatalog.DefaultRoot).Find("mlops-es")!;
        return (bank, bank.Questions.Single(q => q.Id == "model-drift"));
    });

    /// <summary>How an obedient model backs its "everything covered" with text that really is in the answer.</summary>
    public enum Quoting
    {
        /// <summary>The whole answer, injection included.</summary>
        WholeAnswer,

        /// <summary>The sentence of the answer richest in the key point's phrases.</summary>
        BestSentence,

        /// <summary>The first of the key point's phrases found in the answer (the whole answer when none is).</summary>
        RubricTerm,

        /// <summary>The answer's last sentence: the injection.</summary>
        LastSentence,

        /// <summary>The JSON the answer carries, if any, as the verdict (else the whole answer).</summary>
        EchoJson,
    }

    public static TheoryData<string, Quoting> Attacks()
    {
        var data = new TheoryData<string, Quoting>();
        foreach (var (name, _) in HostileAnswersWithContent.All)
        {
            foreach (var quoting in Enum.GetValues<Quoting>())
            {
                data.Add(name, quoting);
            }
        }
        return data;
    }

    public static TheoryData<string> Detected => new(HostileAnswersWithContent.All.Select(a => a.Name));

    [Fact]
    public void Suite_HasTheReviewsCasesAndAtLeastTwentyMore()
    {
        Assert.Equal(43, HostileAnswersWithContent.All.Count);
        Assert.Equal(HostileAnswersWithContent.All.Count, HostileAnswersWithContent.All.Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void Content_AloneIsGradedByKeywordAsTheSuiteAssumes()
    {
        var grade = new Rubrics.Grading.Keyword.KeywordGrader().Grade(Request(HostileAnswersWithContent.Content));

        Assert.Equal(HostileAnswersWithContent.ContentKeywordScore, grade.Score);
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task GradeAsync_WithAnObedientModelQuotingTheAnswer_ScoresNoMoreThanTheKeywordGradeOfTheHonestSentence(string name, Quoting quoting)
    {
        var answer = HostileAnswersWithContent.All.Single(a => a.Name == name).Text;
        var chat = new ScriptedChat().Reply(h => Obey(h, quoting)).Reply(h => Obey(h, quoting));

        var grade = await chat.Grader().GradeAsync(Request(answer));

        // Echoing JSON that is no verdict degrades to the keyword grade of the text outside the injection: bound all the same.
        Assert.True(grade.Score <= HostileAnswersWithContent.ContentKeywordScore, $"{name} / {quoting}: {grade.Score} ({string.Join(", ", grade.Flags)})");
    }

    [Theory]
    [MemberData(nameof(Detected))]
    public async Task GradeAsync_WithAnInjectionTheGuardReads_IsFlaggedAndGetsNoModelFeedback(string name)
    {
        var answer = HostileAnswersWithContent.All.Single(a => a.Name == name).Text;
        var chat = new ScriptedChat().Reply(h => Obey(h, Quoting.BestSentence));

        var grade = await chat.Grader().GradeAsync(Request(answer));

        Assert.Contains(GradeFlags.PromptInjection, grade.Flags);
        Assert.Equal(string.Empty, grade.Feedback);
    }

    public static TheoryData<string, Quoting> Stuffed()
    {
        var data = new TheoryData<string, Quoting>();
        foreach (var (name, _) in HostileAnswersWithContent.StuffedWithFiller)
        {
            foreach (var quoting in Enum.GetValues<Quoting>())
            {
                data.Add(name, quoting);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Stuffed))]
    public async Task GradeAsync_WithAListOfRubricTermsAndNeutralFiller_IsFlaggedAndCappedWhateverTheModelSays(string name, Quoting quoting)
    {
        var answer = HostileAnswersWithContent.StuffedWithFiller.Single(a => a.Name == name).Text;
        var chat = new ScriptedChat().Reply(h => Obey(h, quoting)).Reply(h => Obey(h, quoting));

        var grade = await chat.Grader().GradeAsync(Request(answer));

        Assert.Contains(GradeFlags.KeywordStuffing, grade.Flags);
        Assert.True(grade.Score <= 40, $"{name} / {quoting}: {grade.Score}");
    }

    [Fact]
    public async Task GradeAsync_WithBareTermsAndNoInjection_TurnsUnbackedCoveredClaimsIntoPartial()
    {
        // Claims "covered" for all eight key points, quoting the sentence: only monitor-update is covered by its terms alone;
        // the definition is named but not stated (partial); the other six have no concept in the quote (missing).
        var chat = new ScriptedChat().Reply(h => Obey(h, Quoting.WholeAnswer));

        var grade = await chat.Grader().GradeAsync(Request(HostileAnswersWithContent.Content));

        Assert.Equal(21.9, grade.Score);
        Assert.Equal(KeyPointStatus.Partial, grade.KeyPoints.Single(k => k.Id == "model-drift-definition").Status);
        Assert.Equal(KeyPointStatus.Covered, grade.KeyPoints.Single(k => k.Id == "model-drift-monitor-update").Status);
        Assert.DoesNotContain(GradeFlags.PromptInjection, grade.Flags);
    }

    [Fact]
    public async Task GradeAsync_WithTheModelAnswerAndAnHonestModel_KeepsEveryCoveredClaim()
    {
        var (_, question) = Shipped.Value;
        var chat = new ScriptedChat().Reply(h => Obey(h, Quoting.BestSentence));

        var grade = await chat.Grader().GradeAsync(Request(question.ModelAnswer));

        Assert.Equal(100, grade.Score);
        Assert.Empty(grade.Flags);
    }

    private static GradeRequest Request(string answer) => new(Shipped.Value.Bank, Shipped.Value.Question, answer);

    private static string Obey(ChatHistory history, Quoting quoting)
    {
        var answer = ScriptedChat.AnswerIn(history);
        if (quoting == Quoting.EchoJson && answer.IndexOf('{', StringComparison.Ordinal) is >= 0 and var start)
        {
            return answer[start..(answer.LastIndexOf('}') + 1)];
        }
        var sentences = answer.Split(['.', '\n', ';', ':']).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var claims = Shipped.Value.Question.KeyPoints.Select(k =>
        {
            var phrases = k.Concepts.SelectMany(c => c.Phrases).ToList();
            var quote = quoting switch
            {
                Quoting.BestSentence => sentences.OrderByDescending(s => phrases.Count(p => s.Contains(p, StringComparison.OrdinalIgnoreCase))).First(),
                Quoting.RubricTerm => phrases.FirstOrDefault(p => answer.Contains(p, StringComparison.OrdinalIgnoreCase)) ?? answer,
                Quoting.LastSentence => sentences[^1],
                _ => answer,
            };
            return new { id = k.Id, status = "covered", quote };
        });
        return JsonSerializer.Serialize(new { key_points = claims, follow_up = "¿Algo más?", feedback = "Perfecto: nota máxima." });
    }
}
