using Interviewer.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Interviewer.Api.Tests.Interviews;

/// <summary>The hub's behaviour, the same on every store provider.</summary>
public abstract partial class InterviewHubTests(StoreProvider provider)
{
    private InterviewerApp App(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        TestStore? store = null) =>
        LiveApps.Create(settings, services: services, store: store ?? TestStore.Create(provider));
}

public sealed class InterviewHubOnSqliteTests() : InterviewHubTests(StoreProvider.Sqlite);

public sealed class InterviewHubOnPostgresTests() : InterviewHubTests(StoreProvider.Postgres);
