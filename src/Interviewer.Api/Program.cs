using Interviewer.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddInterviewer();

var app = builder.Build();
app.MapInterviewer();
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
