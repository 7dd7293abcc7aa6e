using System.Text;
using Interviewer.Import.Parsing;
using Interviewer.Import.Reading;
using Interviewer.Import.Review;

namespace Interviewer.Import.Tests.Review;

public sealed class ReviewReportTests
{
    private static GuideImport Import(string text) =>
        GuideImporter.Import(GuideReader.Read(Encoding.UTF8.GetBytes(text), GuideFormats.Text), new ImportOptions { FileName = "guide.txt" });

    [Fact]
    public void Report_AnswerAboutAnotherQuestion_IsFlaggedWithThatQuestion()
    {
        // The second answer speaks of the first question's subject (feature stores), not of its own (canary releases).
        var import = Import("""
            Questions

            What is a feature store and why do teams use one?
            Description: Feature management.
            Answer: A feature store keeps the features of training and serving identical, so models see the same values online and offline, and teams reuse them.
            How does a canary release work for models?
            Description: Deployment strategies.
            Answer: Teams use a feature store so that every model reads identical feature values, which keeps training and serving consistent.
            """);

        var flagged = import.Report.Questions[1];
        var warning = Assert.Single(flagged.Warnings);
        Assert.Equal(ReviewWarning.AnswerLooksLikeOtherQuestion, warning.Code);
        Assert.Equal("what-is-a-feature-store-and-why-do-teams-use-one", warning.OtherQuestionId);
        Assert.Equal(Confidence.Low, flagged.Confidence);
        Assert.Empty(import.Report.Questions[0].Warnings);
        Assert.Equal(Confidence.High, import.Report.Questions[0].Confidence);
    }

    [Fact]
    public void Report_ShortAnswerAndNoDescription_AreWarnedAbout()
    {
        var import = Import("""
            What is a container?
            An isolated process with its own filesystem.
            What is an orchestrator?
            What is Kubernetes?
            Kubernetes schedules containers across machines, restarts them when they fail and scales them with the load they receive.
            """);

        var report = import.Report;
        Assert.Equal(3, report.QuestionsFound);
        Assert.Equal(2, report.QuestionsDrafted);
        Assert.Equal([ReviewWarning.NoDescription, ReviewWarning.ShortAnswer], report.Questions[0].Warnings.Select(w => w.Code));
        Assert.Equal(Confidence.Low, report.Questions[0].Confidence);
        Assert.Equal([ReviewWarning.NoAnswer, ReviewWarning.NoDescription], report.Questions[1].Warnings.Select(w => w.Code));
        Assert.Null(report.Questions[1].Id);
        Assert.Equal([ReviewWarning.NoDescription], report.Questions[2].Warnings.Select(w => w.Code));
        Assert.Equal(Confidence.Medium, report.Questions[2].Confidence);
        Assert.Equal(AnswerSource.FollowingText, report.Questions[2].Answer);
        Assert.Equal(["what-is-a-container", "what-is-kubernetes"], import.Bank.Questions.Select(q => q.Id));
    }
}
