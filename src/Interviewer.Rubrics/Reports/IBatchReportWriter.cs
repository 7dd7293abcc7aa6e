using Interviewer.Rubrics.Batch;

namespace Interviewer.Rubrics.Reports;

/// <summary>Writes a batch's results as they come, then its summary. Create one with <see cref="BatchReports.Create"/>.</summary>
public interface IBatchReportWriter
{
    /// <summary>Writes (or, for reports that group answers, keeps) one result, in input order.</summary>
    void Write(BatchResult result);

    /// <summary>Writes the summary and whatever the report kept, and flushes. Call once, after the last result.</summary>
    void Complete(BatchSummary summary);
}
