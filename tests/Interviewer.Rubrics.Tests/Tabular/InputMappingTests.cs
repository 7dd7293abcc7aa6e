using System.Text.Json;
using Interviewer.Rubrics.Tabular;

namespace Interviewer.Rubrics.Tests.Tabular;

/// <summary>One rule for column names and one reader for CSV, JSON Lines and JSON documents.</summary>
public sealed class InputMappingTests
{
    [Theory]
    [InlineData("question_id", "question_id")]
    [InlineData("questionId", "question_id")]
    [InlineData("QuestionId", "question_id")]
    [InlineData("question-id", "question_id")]
    [InlineData(" Question ID ", "question_id")]
    [InlineData("\uFEFFmaxScore", "max_score")]
    [InlineData("QUESTION_ID", "question_id")]
    [InlineData("ID", "id")]
    [InlineData("scoreA", "score_a")]
    [InlineData("answer", "answer")]
    public void Normalize_GivesSnakeCase(string name, string expected)
    {
        Assert.Equal(expected, ColumnNames.Normalize(name));
    }

    [Fact]
    public void JsonLines_CamelCaseNames_ReadAsSnakeCase()
    {
        var row = Assert.Single(TabularReader.Read(new StringReader("{\"answerId\":\"a1\",\"questionId\":\"q1\",\"answer\":\"x\",\"maxScore\":5}\n"), TabularFormat.JsonLines));

        Assert.Equal("a1", row.Get("answer_id"));
        Assert.Equal("q1", row.Get("question_id"));
        Assert.Equal("5", row.Get("max_score"));
    }

    [Fact]
    public void Csv_CamelCaseHeader_ReadsAsSnakeCase()
    {
        var row = Assert.Single(TabularReader.Read(new StringReader("id,questionId,answer\n1,q1,x\n"), TabularFormat.Csv));

        Assert.Equal("q1", row.Get("question_id"));
    }

    [Fact]
    public void JsonArray_AcrossLines_IsReadAsOneDocument_RowsNumberedByPosition()
    {
        const string Text = "[\n  { \"questionId\": \"q1\", \"answer\": \"uno\" },\n  { \"question_id\": \"q2\", \"answer\": \"dos\" }\n]\n";

        var rows = TabularReader.Read(new StringReader(Text), TabularFormat.JsonLines).ToList();

        Assert.Equal([1, 2], rows.Select(r => r.Line));
        Assert.Equal(["q1", "q2"], rows.Select(r => r.Get("question_id")));
        Assert.All(rows, r => Assert.Null(r.Error));
    }

    [Fact]
    public void JsonObjectWithItems_AsTheApiTakesIt_IsReadAsRows()
    {
        const string Text = "{\n  \"bankId\": \"mlops-es\",\n  \"items\": [ { \"questionId\": \"q1\", \"answer\": \"uno\" } ]\n}";

        var row = Assert.Single(TabularReader.Read(new StringReader(Text), TabularFormat.JsonLines));

        Assert.Equal("q1", row.Get("question_id"));
        Assert.Equal("uno", row.Get("answer"));
    }

    [Fact]
    public void JsonLines_WithABrokenFirstLine_ReportsItAndReadsTheRest()
    {
        var rows = TabularReader.Read(new StringReader("{not json\n{\"answer\":\"ok\"}\n"), TabularFormat.JsonLines).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal(1, rows[0].Line);
        Assert.Contains("invalid JSON", rows[0].Error, StringComparison.Ordinal);
        Assert.Equal(2, rows[1].Line);
        Assert.Equal("ok", rows[1].Get("answer"));
    }

    [Fact]
    public void JsonDocument_WithoutItems_IsOneRowError()
    {
        var row = Assert.Single(TabularReader.Read(new StringReader("{\n\"rows\": []\n}"), TabularFormat.JsonLines));

        Assert.Contains("'items'", row.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_NonObject_IsAnError()
    {
        using var document = JsonDocument.Parse("42");

        Assert.Equal("expected a JSON object, found number", TabularReader.FromJson(3, document.RootElement).Error);
    }

    [Theory]
    [InlineData("text/csv", TabularFormat.Csv)]
    [InlineData("text/plain", TabularFormat.Csv)]
    [InlineData("application/x-ndjson", TabularFormat.JsonLines)]
    [InlineData("application/jsonl", TabularFormat.JsonLines)]
    [InlineData("application/json", null)]
    [InlineData("image/png", null)]
    public void FromMediaType_NamesTheTabularFormats(string mediaType, TabularFormat? expected)
    {
        Assert.Equal(expected, TabularReader.FromMediaType(mediaType));
    }
}
