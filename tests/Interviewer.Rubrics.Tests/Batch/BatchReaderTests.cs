using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Tabular;

namespace Interviewer.Rubrics.Tests.Batch;

public sealed class BatchReaderTests
{
    private static List<BatchItem> ReadCsv(string csv, int maxAnswerLength = BatchLimits.DefaultMaxAnswerLength) =>
        BatchReader.Read(TabularReader.Read(new StringReader(csv), TabularFormat.Csv), TestBank.Create(), maxAnswerLength).ToList();

    private static List<BatchItem> ReadJsonLines(string jsonl) =>
        BatchReader.Read(TabularReader.Read(new StringReader(jsonl), TabularFormat.JsonLines), TestBank.Create()).ToList();

    [Fact]
    public void Read_QuotedNewlineInAnswer_KeepsTheAnswerWholeAndLaterLineNumbersRight()
    {
        var items = ReadCsv("id,question_id,answer\na1,drift,\"first line\nsecond line\"\na2,containers,docker\n");

        Assert.Equal(2, items.Count);
        Assert.Equal("first line\nsecond line", items[0].Answer);
        Assert.Equal(2, items[0].Line);
        Assert.Equal(4, items[1].Line);
        Assert.All(items, i => Assert.True(i.IsGradable));
    }

    [Fact]
    public void Read_WithByteOrderMark_ReadsTheFirstColumn()
    {
        var items = ReadCsv("\uFEFFid,question_id,answer\na1,drift,deriva\n");

        Assert.Equal("a1", Assert.Single(items).Id);
    }

    [Fact]
    public void Read_SemicolonSeparatedFromSpanishExcel_ReadsEveryField()
    {
        var items = ReadCsv("id;question_id;answer\r\na1;drift;\"deriva, producción; y más\"\r\na2;containers;contenedor\r\n");

        Assert.Equal(2, items.Count);
        Assert.Equal("deriva, producción; y más", items[0].Answer);
        Assert.Equal("containers", items[1].Question?.Id);
    }

    [Fact]
    public void Read_WithoutAnswerColumn_FailsNamingTheMissingColumn()
    {
        var e = Assert.Throws<BatchInputException>(() => ReadCsv("id,question_id,text\na1,drift,deriva\n"));

        Assert.Contains("answer", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithoutQuestionColumns_FailsNamingThem()
    {
        var e = Assert.Throws<BatchInputException>(() => ReadCsv("id,answer\na1,deriva\n"));

        Assert.Contains("question_id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExtraColumns_AreIgnored()
    {
        var item = Assert.Single(ReadCsv("id,question_id,answer,score,notes\na1,drift,deriva,5,ok\n"));

        Assert.True(item.IsGradable);
        Assert.Equal("deriva", item.Answer);
    }

    [Fact]
    public void Read_QuestionByExactText_ResolvesTheQuestion()
    {
        var item = Assert.Single(ReadCsv("id,question,answer\na1,  ¿Para qué sirve un contenedor?  ,docker\n"));

        Assert.Equal("containers", item.Question?.Id);
        Assert.Equal("containers", item.QuestionId);
    }

    [Fact]
    public void Read_UnknownQuestionText_IsARowErrorWithItsLine()
    {
        var items = ReadCsv("id,question,answer\na1,¿Qué es Kubernetes?,pods\na2,¿Qué es la deriva del modelo?,deriva\n");

        Assert.Contains("exact text", items[0].Error, StringComparison.Ordinal);
        Assert.Equal(2, items[0].Line);
        Assert.True(items[1].IsGradable);
    }

    [Fact]
    public void Read_UnknownQuestionId_IsARowErrorNamingIt()
    {
        var item = Assert.Single(ReadCsv("id,question_id,answer\na1,nope,deriva\n"));

        Assert.False(item.IsGradable);
        Assert.Contains("'nope'", item.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a1,drift,\n", "empty answer")]
    [InlineData("a1,drift,\"   \"\n", "empty answer")]
    [InlineData("a1,,deriva\n", "no question")]
    public void Read_BadRow_IsReportedAndSkipped(string row, string expected)
    {
        var items = ReadCsv("id,question_id,answer\n" + row + "a2,drift,deriva\n");

        Assert.Contains(expected, items[0].Error, StringComparison.Ordinal);
        Assert.True(items[1].IsGradable);
    }

    [Fact]
    public void Read_AnswerOverTheLimit_IsARowErrorStatingTheLimit()
    {
        var item = Assert.Single(ReadCsv($"id,question_id,answer\na1,drift,{new string('x', 11)}\n", maxAnswerLength: 10));

        Assert.Contains("too long", item.Error, StringComparison.Ordinal);
        Assert.Contains("10", item.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BrokenQuoting_IsReportedWithItsLineAndReadingGoesOn()
    {
        var items = ReadCsv("id,question_id,answer\na1,drift,deriva\na2,drift,\"abc\"def\na3,drift,producción\n");

        Assert.Equal(3, items.Count);
        Assert.Equal(3, items[1].Line);
        Assert.Contains("quot", items[1].Error, StringComparison.OrdinalIgnoreCase);
        Assert.True(items[2].IsGradable);
    }

    [Fact]
    public void Read_JsonLines_SkipsBlankLinesAndReportsBadOnesByLine()
    {
        var items = ReadJsonLines("{\"id\":\"a1\",\"questionId\":\"drift\",\"answer\":\"deriva\",\"candidate\":\"ana\"}\n\n{not json\n[1,2]\n{\"id\":\"a4\",\"question_id\":\"containers\",\"answer\":\"docker\"}\n");

        Assert.Equal(4, items.Count);
        Assert.True(items[0].IsGradable);
        Assert.Equal("ana", items[0].Candidate);
        Assert.Equal(3, items[1].Line);
        Assert.Contains("invalid JSON", items[1].Error, StringComparison.Ordinal);
        Assert.Equal(4, items[2].Line);
        Assert.NotNull(items[2].Error);
        Assert.Equal(5, items[3].Line);
        Assert.True(items[3].IsGradable);
    }

    [Fact]
    public void Read_JsonLinesWithNullAnswer_IsARowError()
    {
        var item = Assert.Single(ReadJsonLines("{\"id\":\"a1\",\"questionId\":\"drift\",\"answer\":null}\n"));

        Assert.Contains("answer", item.Error, StringComparison.Ordinal);
    }
}
