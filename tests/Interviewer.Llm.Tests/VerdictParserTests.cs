using Interviewer.Llm;
using Interviewer.Rubrics.Grading;
using static Interviewer.Llm.Tests.TestRubric;

namespace Interviewer.Llm.Tests;

public sealed class VerdictParserTests
{
    [Fact]
    public void Parse_WithAValidVerdict_ReadsEveryClaim()
    {
        var result = VerdictParser.Parse(AllCovered(), Question);

        Assert.True(result.IsValid);
        Assert.Equal([Definition, Monitoring, Retraining], result.Verdict!.KeyPoints.Select(k => k.Id));
        Assert.All(result.Verdict.KeyPoints, k => Assert.Equal(KeyPointStatus.Covered, k.Status));
        Assert.Equal(DefinitionQuote, result.Verdict.KeyPoints[0].Quote);
        Assert.Equal("¿Cómo detectarías la deriva?", result.Verdict.FollowUp);
        Assert.Equal("Buena definición.", result.Verdict.Feedback);
    }

    [Fact]
    public void Parse_WithACodeFenceAndCapitalisedStatuses_ReadsTheVerdict()
    {
        var reply = "```json\n" + Verdict((Definition, "Covered", "x"), (Monitoring, "PARTIAL", "y"), (Retraining, "missing", "")) + "\n```";

        var result = VerdictParser.Parse(reply, Question);

        Assert.True(result.IsValid);
        Assert.Equal([KeyPointStatus.Covered, KeyPointStatus.Partial, KeyPointStatus.Missing], result.Verdict!.KeyPoints.Select(k => k.Status));
    }

    [Fact]
    public void Parse_WithAScoreField_IgnoresIt()
    {
        var reply = """{"score": 100, "key_points":[{"id":"model-drift-definition","status":"missing","quote":""},{"id":"model-drift-monitoring","status":"missing","quote":""},{"id":"model-drift-retraining","status":"missing","quote":""}],"follow_up":"","feedback":""}""";

        var result = VerdictParser.Parse(reply, Question);

        Assert.True(result.IsValid);
        Assert.All(result.Verdict!.KeyPoints, k => Assert.Equal(KeyPointStatus.Missing, k.Status));
    }

    [Fact]
    public void Parse_WithoutQuoteFollowUpOrFeedback_UsesEmptyText()
    {
        var reply = """{"key_points":[{"id":"model-drift-definition","status":"missing"},{"id":"model-drift-monitoring","status":"missing","quote":null},{"id":"model-drift-retraining","status":"missing","quote":""}]}""";

        var result = VerdictParser.Parse(reply, Question);

        Assert.True(result.IsValid);
        Assert.All(result.Verdict!.KeyPoints, k => Assert.Equal(string.Empty, k.Quote));
        Assert.Equal(string.Empty, result.Verdict.FollowUp);
        Assert.Equal(string.Empty, result.Verdict.Feedback);
    }

    [Fact]
    public void Parse_WithAnUnknownId_IsInvalid()
    {
        var reply = Verdict((Definition, "covered", "x"), (Monitoring, "missing", ""), (Retraining, "missing", ""), ("invented-point", "covered", "y"));

        var result = VerdictParser.Parse(reply, Question);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("unknown key point id 'invented-point'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WithADuplicateId_IsInvalid()
    {
        var reply = Verdict((Definition, "covered", "x"), (Definition, "missing", ""), (Monitoring, "missing", ""), (Retraining, "missing", ""));

        var result = VerdictParser.Parse(reply, Question);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains($"'{Definition}' appears more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WithAMissingId_IsInvalid()
    {
        var reply = Verdict((Definition, "covered", "x"), (Monitoring, "missing", ""));

        var result = VerdictParser.Parse(reply, Question);

        Assert.False(result.IsValid);
        Assert.Equal([$"key point '{Retraining}' is missing"], result.Problems);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("")]
    [InlineData("100")]
    public void Parse_WithAnUnknownStatus_IsInvalid(string status)
    {
        var reply = Verdict((Definition, status, "x"), (Monitoring, "missing", ""), (Retraining, "missing", ""));

        var result = VerdictParser.Parse(reply, Question);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("expected covered, partial or missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "the reply is empty")]
    [InlineData("   ", "the reply is empty")]
    [InlineData("I think the answer is good.", "not valid JSON")]
    [InlineData("{\"key_points\": [", "not valid JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("{\"key_points\": \"all covered\"}", "\"key_points\" is missing or not an array")]
    [InlineData("{\"verdict\": []}", "\"key_points\" is missing or not an array")]
    [InlineData("{\"key_points\": [42, {\"status\": \"covered\"}]}", "is not an object")]
    public void Parse_WithMalformedReplies_IsInvalidWithAReason(string? reply, string reason)
    {
        var result = VerdictParser.Parse(reply, Question);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WithAnIdWithoutAText_IsInvalid()
    {
        var result = VerdictParser.Parse("""{"key_points":[{"id": 7, "status":"covered","quote":"x"}]}""", Question);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("has no \"id\"", StringComparison.Ordinal));
    }
}
