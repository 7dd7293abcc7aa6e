using Interviewer.Api.Interviews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Interviewer.Api.Tests.Interviews;

public sealed class SessionCacheTests
{
    [Fact]
    public async Task IdleSession_LeavesMemoryAndResumesFromTheStore()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var app = LiveApps.Create(
            new Dictionary<string, string?> { ["Interviewer:Interviews:SessionIdleTimeout"] = "00:05:00" },
            services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        var cache = app.Services.GetRequiredService<SessionCache>();
        await using var client = await HubTestClient.ConnectAsync(app);
        var started = await client.StartAsync(new StartInterviewRequest(QuestionCount: 2, Seed: 3));
        var question = await client.NextQuestionAsync();
        var inMemory = cache.Count;

        time.Advance(TimeSpan.FromMinutes(6));
        var afterIdle = cache.Count;
        var resumed = await client.ResumeAsync(started.SessionId, started.ResumeToken);

        Assert.Equal(1, inMemory);
        Assert.Equal(0, afterIdle);
        Assert.Equal(question, resumed.CurrentQuestion);
        Assert.Equal(1, cache.Count);
    }
}
