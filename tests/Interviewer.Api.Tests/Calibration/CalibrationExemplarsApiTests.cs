using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;

namespace Interviewer.Api.Tests.Calibration;

/// <summary><c>POST /api/calibrate</c> with cross-validation and with the rows saved as the bank's exemplars.</summary>
public sealed class CalibrationExemplarsApiTests : IDisposable
{
    private readonly string _root = TestRun.Folder("calibrate-exemplars").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static object Row(string id, string answer, double score) => new Dictionary<string, object>
    {
        ["answer_id"] = id, ["question_id"] = "alpha-one", ["answer"] = answer, ["score"] = score, ["max_score"] = 5,
    };

    private static readonly object[] Rows =
    [
        Row("r1", "Apples grow on trees and pears ripen after picking.", 5),
        Row("r2", "Apples grow on trees.", 3),
        Row("r3", "Pears ripen after picking, I think.", 2),
        Row("r4", "No idea at all.", 0),
        Row("r5", "Apples on trees, pears ripen later.", 4),
        Row("r6", "Fruit is nice.", 1),
    ];

    /// <summary>An app on a copy of the fixture bank, so that saving writes nowhere shared.</summary>
    private InterviewerApp App(bool writable)
    {
        var rubrics = Path.Combine(_root, "rubrics");
        foreach (var file in Directory.GetFiles(LiveApps.FixtureRubrics, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(rubrics, Path.GetRelativePath(LiveApps.FixtureRubrics, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        return LiveApps.Create(new Dictionary<string, string?>
        {
            ["Interviewer:Rubrics:Path"] = rubrics,
            ["Interviewer:Rubrics:Writable"] = writable ? "true" : "false",
        });
    }

    private string ExemplarFile => Path.Combine(_root, "rubrics", "test-bank", "exemplars", "alpha-one.jsonl");

    [Fact]
    public async Task Calibrate_CrossValidate_ReportsTheFoldsUsed()
    {
        await using var app = App(writable: false);
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsJsonAsync("/api/calibrate", new { bankId = "test-bank", items = Rows, crossValidate = 3, exemplars = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var folds = report.GetProperty("crossValidation");
        Assert.Equal(3, folds.GetProperty("folds").GetInt32());
        Assert.Equal(2, folds.GetProperty("maxExemplars").GetInt32());
        Assert.Equal(6, report.GetProperty("rows").GetProperty("answers").GetInt32());
        Assert.False(File.Exists(ExemplarFile));
    }

    [Fact]
    public async Task Calibrate_CrossValidateFromTheQueryWithCsv_IsReadLikeJson()
    {
        await using var app = App(writable: false);
        using var client = app.CreateReviewerClient();
        var csv = "answer_id,question_id,answer,score,max_score\n" + string.Join('\n', Enumerable.Range(1, 6).Select(i => $"c{i},alpha-one,Apples grow on trees {i},{i % 5},5")) + "\n";

        using var response = await client.PostAsync(new Uri("/api/calibrate?bankId=test-bank&crossValidate=2", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, report.GetProperty("crossValidation").GetProperty("folds").GetInt32());
    }

    [Theory]
    [InlineData("{\"crossValidate\":1}", "at least 2")]
    [InlineData("{\"crossValidate\":\"many\"}", "at least 2")]
    [InlineData("{\"exemplars\":3}", "add 'crossValidate'")]
    [InlineData("{\"crossValidate\":true,\"whatIf\":[\"s1\"]}", "without 'crossValidate'")]
    [InlineData("{\"saveExemplars\":\"yes\"}", "true or false")]
    public async Task Calibrate_BadCrossValidationOrSaveOptions_Is400NamingTheOption(string options, string expected)
    {
        await using var app = App(writable: true);
        using var client = app.CreateReviewerClient();
        var body = options.TrimEnd('}') + ",\"bankId\":\"test-bank\",\"items\":" + JsonSerializer.Serialize(Rows) + "}";

        using var response = await client.PostAsync(new Uri("/api/calibrate", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(ExemplarFile));
    }

    [Fact]
    public async Task Calibrate_SaveExemplarsWhenNotWritable_IsForbiddenAndWritesNothing()
    {
        await using var app = App(writable: false);
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsJsonAsync("/api/calibrate", new { bankId = "test-bank", items = Rows, saveExemplars = true });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Interviewer:Rubrics:Writable is false", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(ExemplarFile));
    }

    [Fact]
    public async Task Calibrate_SaveExemplars_WritesThemBumpsTheVersionAndGradingAnchorsOnThem()
    {
        await using var app = App(writable: true);
        using var client = app.CreateReviewerClient();

        using var response = await client.PostAsJsonAsync("/api/calibrate", new { bankId = "test-bank", items = Rows, saveExemplars = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var saved = body.GetProperty("exemplarsSaved");
        Assert.Equal(6, saved.GetProperty("added").GetInt32());
        Assert.Equal(4, saved.GetProperty("version").GetInt32());
        Assert.Equal(6, File.ReadAllLines(ExemplarFile).Length);

        using var grade = await client.PostAsJsonAsync("/api/grade", new { bankId = "test-bank", items = new[] { new { questionId = "alpha-one", answer = "Apples grow on trees." } } });
        var result = (await grade.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
        Assert.Equal(4, result.GetProperty("bank").GetProperty("version").GetInt32());
        Assert.Equal("r2", result.GetProperty("anchors")[0].GetProperty("exemplarId").GetString());
    }
}
