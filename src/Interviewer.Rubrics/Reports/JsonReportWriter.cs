using System.Text.Json;
using Interviewer.Rubrics.Batch;

namespace Interviewer.Rubrics.Reports;

/// <summary><c>{"results":[...],"summary":{...}}</c>, one result per line, written as results come.</summary>
internal sealed class JsonReportWriter(TextWriter writer) : IBatchReportWriter
{
    private bool _any;

    public void Write(BatchResult result)
    {
        writer.Write(_any ? ",\n" : "{\"results\":[\n");
        _any = true;
        writer.Write(JsonSerializer.Serialize(result, InterviewerJson.Options));
    }

    public void Complete(BatchSummary summary)
    {
        writer.Write(_any ? "\n],\n\"summary\":" : "{\"results\":[],\n\"summary\":");
        writer.Write(JsonSerializer.Serialize(summary, InterviewerJson.Options));
        writer.Write("}\n");
        writer.Flush();
    }
}
