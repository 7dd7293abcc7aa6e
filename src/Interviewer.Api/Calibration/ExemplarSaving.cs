using Interviewer.Api.Hosting;
using Interviewer.Rubrics.Calibration;
using Interviewer.Rubrics.Exemplars;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Tabular;

namespace Interviewer.Api.Calibration;

/// <summary>What saving calibration rows as exemplars did: counts, the bank's new version, and the rows left out and why.</summary>
public sealed record SavedExemplars(int Added, int Replaced, int Version, IReadOnlyList<CalibrationProblem> Problems);

/// <summary>
/// Writes calibration rows into a bank's exemplar files and serves the bank again at its new version. One save at a
/// time, since each reads the files, changes them and bumps the version. Other instances read the files at their start.
/// </summary>
internal static class ExemplarSaving
{
    private static readonly SemaphoreSlim s_gate = new(1, 1);

    public static async Task<SavedExemplars> SaveAsync(BankCatalog catalog, RubricsOptions rubrics, QuestionBank bank,
        IReadOnlyList<TabularRow> rows, CancellationToken ct)
    {
        var (parsed, _) = CalibrationRows.ReadExpanded(rows);
        var folder = BankCatalog.FolderOf(rubrics.ResolvedPath, bank.Id);
        await s_gate.WaitAsync(ct);
        try
        {
            var imported = ExemplarFiles.Import(folder, parsed, "POST /api/calibrate", DateOnly.FromDateTime(DateTime.UtcNow));
            catalog.Replace(BankLoader.LoadOrThrow(folder));
            return new SavedExemplars(imported.Added, imported.Replaced, imported.Version, imported.Problems);
        }
        finally
        {
            s_gate.Release();
        }
    }
}
