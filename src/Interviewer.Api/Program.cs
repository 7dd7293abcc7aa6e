using Interviewer.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddInterviewer();
    var app = builder.Build();
    app.MapInterviewer();
    app.Run();
    return 0;
}
catch (Exception failure) when (StartupFailure.IsOwnProcess && StartupFailure.Reasons(failure) is { Count: > 0 } reasons)
{
    return StartupFailure.Report(reasons);
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
