using Interviewer.Rubrics.Tabular;

namespace Interviewer.Rubrics.Tests.Tabular;

public sealed class TabularReaderTests
{
    private static List<TabularRow> ReadCsv(string text) => TabularReader.Read(new StringReader(text), TabularFormat.Csv).ToList();

    private static List<TabularRow> ReadJsonLines(string text) => TabularReader.Read(new StringReader(text), TabularFormat.JsonLines).ToList();

    [Fact]
    public void Csv_WithQuotedNewlines_KeepsTheTextAndStartLines()
    {
        var rows = ReadCsv("id,question_id,answer\n1,q1,\"first line\nsecond line\"\n2,q2,plain\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal("first line\nsecond line", rows[0].Get("answer"));
        Assert.Equal(2, rows[0].Line);
        Assert.Equal(4, rows[1].Line);
        Assert.All(rows, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Csv_WithBomAndSemicolons_AsSpanishExcelWritesThem_IsRead()
    {
        var rows = ReadCsv("\uFEFFid;question_id;answer\r\n1;q1;\"uno; dos\"\r\n");

        var row = Assert.Single(rows);
        Assert.Equal("1", row.Get("id"));
        Assert.Equal("uno; dos", row.Get("answer"));
    }

    [Fact]
    public void Csv_HeaderNames_AreMatchedWithoutCaseOrSpaces()
    {
        var row = Assert.Single(ReadCsv(" ID , Question_Id ,Answer\n1,q1,x\n"));

        Assert.Equal("q1", row.Get("question_id"));
        Assert.Equal("1", row.Get("id"));
    }

    [Fact]
    public void Csv_MissingColumn_IsAbsentFromTheRow()
    {
        var row = Assert.Single(ReadCsv("id,answer\n1,x\n"));

        Assert.Null(row.Get("question_id"));
        Assert.Equal("x", row.Get("answer"));
    }

    [Fact]
    public void Csv_ExtraUnnamedFields_AreReportedOnTheirLine()
    {
        var rows = ReadCsv("id,question_id,answer\n1,q1,a,unexpected\n2,q2,b\n");

        Assert.Equal(2, rows.Count);
        Assert.Contains("header has 3", rows[0].Error, StringComparison.Ordinal);
        Assert.Null(rows[1].Error);
    }

    [Fact]
    public void Csv_BrokenQuoting_IsReportedWithItsLineAndReadingGoesOn()
    {
        var rows = ReadCsv("id,question_id,answer\n1,q1,fine\n2,q2,bro\"ken\n3,q3,also fine\n");

        Assert.Equal([2, 3, 4], rows.Select(r => r.Line));
        Assert.Null(rows[0].Error);
        Assert.Contains("quot", rows[1].Error, StringComparison.Ordinal);
        Assert.Equal("also fine", rows[2].Get("answer"));
    }

    [Fact]
    public void JsonLines_ReadsStringsNumbersAndArrays_SkippingBlankLines()
    {
        var rows = ReadJsonLines("{\"answer\":\"hola\",\"score\":4.5,\"key_points\":[\"a\",\"b\"]}\n\n{\"answer\":null}\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal("4.5", rows[0].Get("score"));
        Assert.Equal("a;b", rows[0].Get("key_points"));
        Assert.Equal(3, rows[1].Line);
        Assert.Null(rows[1].Get("answer"));
    }

    [Fact]
    public void JsonLines_InvalidLine_IsReportedAndReadingGoesOn()
    {
        var rows = ReadJsonLines("{\"answer\":\"ok\"}\n{not json\n[1,2]\n{\"answer\":\"ok too\"}\n");

        Assert.Equal(4, rows.Count);
        Assert.Contains("invalid JSON", rows[1].Error, StringComparison.Ordinal);
        Assert.Contains("expected a JSON object", rows[2].Error, StringComparison.Ordinal);
        Assert.Equal("ok too", rows[3].Get("answer"));
    }

    [Theory]
    [InlineData("answers.jsonl", "", TabularFormat.JsonLines)]
    [InlineData("answers.csv", "{", TabularFormat.Csv)]
    [InlineData("answers", "  {\"a\":1}", TabularFormat.JsonLines)]
    [InlineData("answers", "id,answer", TabularFormat.Csv)]
    public void DetectFormat_UsesExtensionThenContent(string path, string content, TabularFormat expected)
    {
        Assert.Equal(expected, TabularReader.DetectFormat(path, new StringReader(content)));
    }
}
