using System.Text;
using Interviewer.Import.Parsing;
using Interviewer.Import.Reading;

namespace Interviewer.Import.Tests.Parsing;

public sealed class GuideParserTests
{
    private static ParsedGuide ParseText(string text) => GuideParser.Parse(GuideReader.Read(Encoding.UTF8.GetBytes(text), GuideFormats.Text));

    private static ParsedGuide ParseMarkdown(string text) => GuideParser.Parse(GuideReader.Read(Encoding.UTF8.GetBytes(text), GuideFormats.Markdown));

    [Fact]
    public void Parse_QuestionMarkInsideAParagraph_IsNotAQuestion()
    {
        var guide = ParseText("""
            Guide

            Basics

            Why do teams fail at this? Mostly because nobody owns the models. Read on.
            What is a feature store?
            A feature store keeps features consistent between training and serving.
            """);

        Assert.Equal(["What is a feature store?"], guide.Questions.Select(q => q.Text));
    }

    [Fact]
    public void Parse_QuestionFollowedByALabel_MayBeAPrompt()
    {
        var guide = ParseText("""
            Explain how you would version a model.
            Answer: I register every model with its data version, code commit and metrics.
            Explain it again.
            That sentence is a paragraph of the answer, not a question: no label follows it.
            """);

        var question = Assert.Single(guide.Questions);
        Assert.Equal("Explain how you would version a model.", question.Text);
        Assert.Contains("Explain it again.", question.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DescriptionOverSeveralParagraphs_EndsAtTheAnswerLabel()
    {
        var guide = ParseText("""
            ¿Qué es el reentrenamiento?
            Descripción: Evalúa si sabes cuándo reentrenar.
            También evalúa la automatización.
            Respuesta:
            Reentrenar es ajustar el modelo con datos nuevos cuando su rendimiento cae.
            """);

        var question = Assert.Single(guide.Questions);
        Assert.Equal("Evalúa si sabes cuándo reentrenar. También evalúa la automatización.", question.Description);
        Assert.Equal("Reentrenar es ajustar el modelo con datos nuevos cuando su rendimiento cae.", question.Answer);
        Assert.Equal(AnswerSource.Label, question.AnswerSource);
    }

    [Fact]
    public void Parse_QuestionWithoutAnswer_HasNone()
    {
        var guide = ParseText("""
            What is MLOps?
            What is DevOps?
            DevOps joins development and operations.
            """);

        Assert.Equal([AnswerSource.None, AnswerSource.FollowingText], guide.Questions.Select(q => q.AnswerSource));
    }

    [Fact]
    public void Parse_HeadingDeeperThanTheQuestion_BelongsToItsAnswer()
    {
        var guide = ParseMarkdown("""
            ## Deployment

            ### How do you roll out a model?

            Answer: Gradually, with a canary first.

            #### Tools

            Argo Rollouts or a service mesh shift the traffic.

            ## Monitoring

            ### What do you monitor?

            Latency, errors and drift of the inputs.
            """);

        Assert.Equal(["Deployment", "Monitoring"], guide.Sections.Select(s => s.Title));
        Assert.Equal("Gradually, with a canary first.\nTools\nArgo Rollouts or a service mesh shift the traffic.", guide.Questions.First().Answer);
    }

    [Fact]
    public void Parse_QuestionsBeforeTheFirstSection_JoinIt()
    {
        var guide = ParseText("""
            Interview questions

            What is MLOps?
            MLOps applies DevOps practices to machine learning systems.

            Try our course today

            Basics

            What is drift?
            Drift is a change in the data a model sees in production.
            """);

        var section = Assert.Single(guide.Sections);
        Assert.Equal("Basics", section.Title);
        Assert.Equal(["What is MLOps?", "What is drift?"], section.Questions.Select(q => q.Text));
    }

    [Fact]
    public void Parse_FurnitureAndCaptions_AreLeftOut()
    {
        var guide = ParseText("""
            What is a model registry?
            A registry stores model versions with their metadata and stage.
            Figure 3: The registry of our team.
            Share this article
            It also records who approved each promotion.
            """);

        var question = Assert.Single(guide.Questions);
        Assert.Equal("A registry stores model versions with their metadata and stage.\nIt also records who approved each promotion.", question.Answer);
        Assert.Equal([SkippedText.Caption, SkippedText.Furniture], question.Skipped.Select(s => s.Kind));
    }
}
