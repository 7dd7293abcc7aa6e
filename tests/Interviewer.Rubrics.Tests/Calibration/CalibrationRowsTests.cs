using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Tabular;

namespace Interviewer.Rubrics.Tests.Calibration;

public sealed class CalibrationRowsTests
{
    [Fact]
    public void Read_JsonLines_ReadsEveryField()
    {
        const string input = """
            {"answer_id": "a1", "question_id": "q1", "question": "¿Qué?", "reference_answer": "Esto.", "answer": "Eso.", "score": 3.5, "max_score": 5, "rater": "ana", "key_points": ["k1", "k2"]}
            """;

        var (rows, problems) = CalibrationRows.Read(new StringReader(input), TabularFormat.JsonLines);

        Assert.Empty(problems);
        var row = Assert.Single(rows);
        Assert.Equal(new CalibrationRow(1, "a1", "q1", "¿Qué?", "Esto.", "Eso.", 3.5, 5, "ana", row.KeyPoints), row);
        Assert.Equal(["k1", "k2"], row.KeyPoints);
        Assert.Equal(0.7, row.NormalizedScore, 10);
    }

    [Fact]
    public void Read_Csv_DefaultsMaxScoreTo100AndAcceptsDecimalCommas()
    {
        const string input = "question_id;answer;score\nq1;\"Uso docker; y k8s\";72,5\n";

        var (rows, problems) = CalibrationRows.Read(new StringReader(input), TabularFormat.Csv);

        Assert.Empty(problems);
        var row = Assert.Single(rows);
        Assert.Equal(100, row.MaxScore);
        Assert.Equal(72.5, row.Score);
        Assert.Equal("Uso docker; y k8s", row.Answer);
        Assert.Equal(2, row.Line);
    }

    [Fact]
    public void Read_BadRows_AreReportedWithTheirLineAndLeftOut()
    {
        const string input = """
            {"question_id": "q1", "answer": "bien", "score": 4, "max_score": 5}
            {"question_id": "q1", "score": 4}
            {"question_id": "q1", "answer": "mal", "score": 7, "max_score": 5}
            {"answer": "sin pregunta", "score": 1}
            {"question_id": "q1", "answer": "x", "score": "mucho"}
            {"question_id": "q1", "answer": "x", "score": 1, "max_score": 0}
            {"question_id": "q1", "answer": "x"}
            not json
            {"question": "¿Qué?", "answer": "también bien", "score": 90}
            """;

        var (rows, problems) = CalibrationRows.Read(new StringReader(input), TabularFormat.JsonLines);

        Assert.Equal([1, 9], rows.Select(r => r.Line).ToArray());
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], problems.Select(p => p.Line).ToArray());
        Assert.Contains("no answer", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("outside 0..5", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("no question", problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("not a number", problems[3].Message, StringComparison.Ordinal);
        Assert.Contains("max_score", problems[4].Message, StringComparison.Ordinal);
        Assert.Contains("no score", problems[5].Message, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", problems[6].Message, StringComparison.Ordinal);
        Assert.Equal("line 2: no answer: the 'answer' field is missing or blank", problems[0].ToString());
    }
}
