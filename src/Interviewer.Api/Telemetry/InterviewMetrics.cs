using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Interviewer.Api.Telemetry;

/// <summary>The interview service's metrics and traces (meter and activity source <c>Interviewer</c>).</summary>
internal sealed class InterviewMetrics
{
    public const string Name = "Interviewer";

    public static readonly ActivitySource Source = new(Name);

    private readonly Histogram<double> _gradingLatency;
    private readonly Counter<long> _turns;
    private readonly Counter<long> _degraded;
    private readonly Counter<long> _rejected;
    private Func<int> _activeSessions = () => 0;

    public InterviewMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _gradingLatency = meter.CreateHistogram<double>("interviewer.grading.duration", "ms", "Time to grade one answer.");
        _turns = meter.CreateCounter<long>("interviewer.turns", "{turn}", "Turns closed, by outcome (answered, skipped).");
        _degraded = meter.CreateCounter<long>("interviewer.grades.degraded", "{grade}", "Grades produced by a fallback grader.");
        _rejected = meter.CreateCounter<long>("interviewer.hub.rejected", "{message}", "Hub messages rejected, by error code.");
        meter.CreateObservableGauge("interviewer.sessions.active", () => _activeSessions(), "{session}", "Interviews in progress held by this instance.");
    }

    public void ObserveActiveSessions(Func<int> count) => _activeSessions = count;

    public void Graded(string grader, double milliseconds, bool degraded)
    {
        _gradingLatency.Record(milliseconds, new KeyValuePair<string, object?>("grader", grader));
        _turns.Add(1, new KeyValuePair<string, object?>("outcome", "answered"));
        if (degraded)
        {
            _degraded.Add(1, new KeyValuePair<string, object?>("grader", grader));
        }
    }

    public void Skipped() => _turns.Add(1, new KeyValuePair<string, object?>("outcome", "skipped"));

    public void Rejected(string code) => _rejected.Add(1, new KeyValuePair<string, object?>("code", code));
}
