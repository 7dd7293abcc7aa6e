using System.Text.Json;
using Interviewer.Rubrics.Batch;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Model;

namespace Interviewer.Api.Runs;

/// <summary>A saved run in the list: who ran what, when, on which bank and grader, and its summary.</summary>
/// <param name="Kind"><c>grade</c> (a batch) or <c>calibration</c>.</param>
/// <param name="Summary">A batch's <c>summary</c>, or a calibration's <c>{ headline, rows, overall }</c>.</param>
public sealed record RunSummary(
    string Id,
    string Kind,
    string Reviewer,
    DateTimeOffset CreatedAt,
    BankRef? Bank,
    string Grader,
    string? Model,
    int Rows,
    JsonElement Summary);

/// <summary>A saved run with its whole result: <c>{ results, summary }</c> for a batch, the report for a calibration.</summary>
public sealed record RunDetail(
    string Id,
    string Kind,
    string Reviewer,
    DateTimeOffset CreatedAt,
    BankRef? Bank,
    string Grader,
    string? Model,
    int Rows,
    JsonElement Summary,
    JsonElement Report);

/// <summary>The answer of <c>POST /api/grade</c> in JSON: the grades, their summary, and the saved run's id.</summary>
public sealed record GradeRunResponse(string RunId, IReadOnlyList<BatchResult> Results, BatchSummary Summary);

/// <summary>What a calibration run's list entry summarises.</summary>
internal sealed record CalibrationRunSummary(string Headline, RowCounts Rows, AgreementFigures Overall);
