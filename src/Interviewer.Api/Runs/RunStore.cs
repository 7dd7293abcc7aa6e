using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Interviewer.Api.Security;
using Interviewer.Api.Storage;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Reports;
using Microsoft.EntityFrameworkCore;

namespace Interviewer.Api.Runs;

/// <summary>
/// Batch and calibration runs made through the API, kept whole so that their reports download without grading again.
/// A run is at most <c>Interviewer:Limits:MaxBatchRows</c> rows; the store keeps the newest <see cref="MaxRuns"/> runs.
/// </summary>
internal sealed class RunStore(InterviewDb db, StoreWriter writer, BankSnapshots snapshots, TimeProvider time)
{
    public const string Grade = "grade";
    public const string Calibration = "calibration";

    /// <summary>Runs kept; saving one more removes the oldest.</summary>
    public const int MaxRuns = 1000;

    public Task<string> SaveGradeAsync(ClaimsPrincipal user, QuestionBank bank, BatchReport report) =>
        SaveAsync(user, Grade, bank, report.Summary.Grader,
            report.Results.Select(r => r.Grade?.Model).FirstOrDefault(m => m is not null), report.Summary.Rows,
            JsonSerializer.Serialize(report.Summary, InterviewerJson.Options), JsonSerializer.Serialize(report, InterviewerJson.Options));

    /// <summary>Saves a calibration run; <paramref name="bank"/> is the served bank it used, null when rubrics were drafted from the rows.</summary>
    public Task<string> SaveCalibrationAsync(ClaimsPrincipal user, QuestionBank? bank, CalibrationReport report, string? model) =>
        SaveAsync(user, Calibration, bank, report.Grader, model, report.Rows.Read,
            JsonSerializer.Serialize(new CalibrationRunSummary(report.Headline, report.Rows, report.Overall), InterviewerJson.Options),
            JsonSerializer.Serialize(report, InterviewerJson.Options));

    private async Task<string> SaveAsync(ClaimsPrincipal user, string kind, QuestionBank? bank, string grader, string? model, int rows, string summary, string result)
    {
        long? snapshotId = bank is null ? null : await snapshots.IdForAsync(bank);
        var row = new RunRow
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Kind = kind,
            Reviewer = ReviewerIdentity.NameOf(user),
            CreatedAt = time.GetUtcNow(),
            BankId = bank?.Id,
            BankVersion = bank?.Version,
            BankSnapshotId = snapshotId,
            Grader = grader,
            Model = model,
            Rows = rows,
            SummaryJson = summary,
            ResultJson = result,
        };
        await writer.WriteAsync(context =>
        {
            context.Runs.Add(row);
            var old = context.Runs.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.Id).Skip(MaxRuns - 1).ToList();
            // Two runs saved in one group find the same oldest runs: each is removed once.
            var removing = context.ChangeTracker.Entries<RunRow>().Select(e => e.Entity.Id).ToHashSet(StringComparer.Ordinal);
            context.Runs.RemoveRange(old.Where(removing.Add).Select(id => new RunRow { Id = id }));
        });
        return row.Id;
    }

    public async Task<IReadOnlyList<RunSummary>> ListAsync(string? kind, int offset, int limit, CancellationToken ct)
    {
        await using var context = db.CreateContext();
        var query = context.Runs.AsNoTracking();
        if (kind is not null)
        {
            query = query.Where(r => r.Kind == kind);
        }
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip(offset).Take(limit)
            .Select(r => new { r.Id, r.Kind, r.Reviewer, r.CreatedAt, r.BankId, r.BankVersion, r.Grader, r.Model, r.Rows, r.SummaryJson })
            .ToListAsync(ct);
        return rows.Select(r => new RunSummary(r.Id, r.Kind, r.Reviewer, r.CreatedAt, Bank(r.BankId, r.BankVersion), r.Grader, r.Model, r.Rows,
            JsonSerializer.Deserialize<JsonElement>(r.SummaryJson))).ToList();
    }

    public async Task<RunRow?> FindAsync(string id, CancellationToken ct)
    {
        if (!StoredIds.CanExist(id))
        {
            return null;
        }
        await using var context = db.CreateContext();
        return await context.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    public static RunDetail Detail(RunRow row) => new(row.Id, row.Kind, row.Reviewer, row.CreatedAt, Bank(row.BankId, row.BankVersion), row.Grader,
        row.Model, row.Rows, JsonSerializer.Deserialize<JsonElement>(row.SummaryJson), JsonSerializer.Deserialize<JsonElement>(row.ResultJson));

    private static BankRef? Bank(string? id, int? version) => id is null ? null : new BankRef(id, version ?? 0);
}
