using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Interviewer.Api.Tests.Infrastructure;
using Interviewer.Api.Tests.Interviews;
using Npgsql;

namespace Interviewer.Api.Tests.Scaling;

public sealed class HealthTests
{
    [Fact]
    public async Task Ready_Is503WhileTheDatabaseIsDownAnd200WhenItIsBack()
    {
        var store = TestStore.Create(StoreProvider.Postgres);
        await using var app = LiveApps.Create(
            new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = $"{TestServers.Redis},channelPrefix=t{Guid.NewGuid():N}" },
            store: store);
        using var client = app.CreateClient();
        var database = new NpgsqlConnectionStringBuilder(store.ConnectionString).Database!;
        var up = await client.GetAsync("/health/ready");

        await AdminAsync($"""ALTER DATABASE "{database}" ALLOW_CONNECTIONS false""");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        var down = await client.GetAsync("/health/ready");
        var downBody = await down.Content.ReadFromJsonAsync<JsonElement>();
        var live = await client.GetAsync("/health/live");
        await AdminAsync($"""ALTER DATABASE "{database}" ALLOW_CONNECTIONS true""");
        var back = await WaitForAsync(client, "/health", HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("unhealthy", downBody.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("healthy", downBody.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back);
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{TestServers.Postgres};Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // The first checks after the database returns may meet connections it closed; readiness follows within a bounded wait.
    private static async Task<HttpStatusCode> WaitForAsync(HttpClient client, string path, HttpStatusCode wanted)
    {
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync(path)).StatusCode;
        }
        while (status != wanted && clock.Elapsed < HubTestClient.Timeout);
        return status;
    }
}
