using Interviewer.Import.Parsing;
using Interviewer.Import.Reading;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;

namespace Interviewer.Import.Tests.Reading;

/// <summary>The same small guide, in each format and language, imports to the same questions, sections, descriptions and answers.</summary>
public sealed class GuideFormatTests
{
    public static TheoryData<string, string> FormatsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in GuideFormats.All)
        {
            data.Add(format, "en");
            data.Add(format, "es");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsAndLanguages))]
    public void Import_SampleGuide_FindsSectionsQuestionsDescriptionsAndAnswers(string format, string language)
    {
        var sample = SampleGuide.For(language);

        var import = GuideImporter.Import(GuideReader.Read(SampleWriter.Write(sample, format), format), new ImportOptions { FileName = "guide." + format });

        Assert.Equal(sample.Title, import.Guide.Title);
        Assert.Equal(sample.Sections.Select(s => s.Title), import.Guide.Sections.Select(s => s.Title));
        // The intro's question mark is not a question; the two-sentence heading is one question.
        Assert.Equal(sample.Questions.Select(q => q.Text), import.Guide.Questions.Select(q => q.Text));
        Assert.Equal(sample.Questions.Select(q => q.Description), import.Guide.Questions.Select(q => q.Description));
        foreach (var (expected, found) in sample.Questions.Zip(import.Guide.Questions))
        {
            Assert.Equal(AnswerSource.Label, found.AnswerSource);
            Assert.StartsWith(expected.Paragraphs[0], found.Answer, StringComparison.Ordinal);
            Assert.All(expected.Paragraphs, p => Assert.Contains(p, found.Answer, StringComparison.Ordinal));
            Assert.All(expected.Bullets, b => Assert.Contains("- " + b, found.Answer, StringComparison.Ordinal));
            Assert.All(expected.Table, row => Assert.Contains(string.Join(" | ", row), found.Answer, StringComparison.Ordinal));
            Assert.Equal(expected.Bullets.Count, found.ListItems);
            Assert.Equal(expected.Table.Count, found.TableRows);
            Assert.DoesNotContain(sample.Caption, found.Answer, StringComparison.Ordinal);
            Assert.DoesNotContain(sample.CallToAction, found.Answer, StringComparison.Ordinal);
        }
        Assert.Contains(import.Guide.Questions.SelectMany(q => q.Skipped), s => s.Kind == SkippedText.Caption);
        Assert.Contains(import.Guide.Questions.SelectMany(q => q.Skipped), s => s.Kind == SkippedText.CallToAction);
    }

    [Theory]
    [MemberData(nameof(FormatsAndLanguages))]
    public void Import_SampleGuide_DraftsABankThatValidates(string format, string language)
    {
        var sample = SampleGuide.For(language);

        var import = GuideImporter.Import(GuideReader.Read(SampleWriter.Write(sample, format), format), new ImportOptions { FileName = "guide." + format });

        Assert.True(import.Report.Problems.Count == 0, string.Join("\n", import.Report.Problems));
        Assert.Equal(language, import.Bank.Language);
        Assert.Equal(sample.Title, import.Bank.Title);
        Assert.Equal("guide", import.Bank.Id);
        Assert.Equal(sample.Sections.Select(s => s.Title), import.Bank.Categories.Select(c => c.Title));
        Assert.Equal(sample.Questions.Select(q => q.Text), import.Bank.Questions.Select(q => q.Text));
        Assert.Equal(sample.Questions.Select(q => q.Description), import.Bank.Questions.Select(q => q.Evaluates));
        var grader = new KeywordGrader();
        Assert.All(import.Bank.Questions, q => Assert.True(grader.Grade(new GradeRequest(import.Bank, q, q.ModelAnswer)).Score >= 90, q.Id));
        // One key point per bullet and per table row at least.
        Assert.True(import.Bank.Questions[0].KeyPoints.Count >= 3);
        Assert.True(import.Bank.Questions[1].KeyPoints.Count >= 3);
        Assert.All(import.Report.Questions, q => Assert.Equal("high", q.Confidence));
    }
}
