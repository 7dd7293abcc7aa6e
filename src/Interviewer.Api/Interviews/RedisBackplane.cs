using Microsoft.AspNetCore.SignalR;
using Interviewer.Api.Hosting;
using StackExchange.Redis;

namespace Interviewer.Api.Interviews;

/// <summary>
/// The SignalR backplane when <c>ConnectionStrings:Redis</c> is set: an event sent to a session's group on one instance
/// reaches that group's connections on every instance. One Redis connection serves the backplane and the readiness check.
/// </summary>
internal sealed class RedisBackplane : IAsyncDisposable
{
    /// <summary>The connection string's name: <c>ConnectionStrings:Redis</c>.</summary>
    public const string ConnectionStringName = "Redis";

    private const string DefaultChannelPrefix = "interviewer";

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    private RedisBackplane(ConfigurationOptions options)
    {
        Options = options;
        _connection = new(() => ConnectionMultiplexer.ConnectAsync(options));
    }

    public ConfigurationOptions Options { get; }

    /// <summary>The connection, once made; it reconnects by itself after Redis comes back.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync() => _connection.Value;

    /// <summary>Adds the backplane to SignalR when the connection string is set; otherwise does nothing.</summary>
    public static void AddTo(ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        if (configuration.GetConnectionString(ConnectionStringName) is not { Length: > 0 } connectionString)
        {
            return;
        }
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw Setting.Invalid($"ConnectionStrings:{ConnectionStringName} is not a Redis configuration ({ex.Message}).");
        }
        // Keep retrying while Redis is down (readiness says so) instead of failing the first hub call.
        options.AbortOnConnectFail = false;
        if (options.ChannelPrefix.IsNullOrEmpty)
        {
            options.ChannelPrefix = RedisChannel.Literal(DefaultChannelPrefix);
        }
        var backplane = new RedisBackplane(options);
        signalR.Services.AddSingleton(backplane);
        signalR.AddStackExchangeRedis(o =>
        {
            o.Configuration = options;
            o.ConnectionFactory = async _ => await backplane.ConnectAsync();
        });
    }

    /// <summary>
    /// Connects at start (the first attempt waits up to the connect timeout), so that a wrong address stops the service
    /// instead of leaving it never ready; later outages are retried and reported by readiness.
    /// </summary>
    public async Task EnsureConnectedAsync()
    {
        if (!(await ConnectAsync()).IsConnected)
        {
            throw Setting.Invalid($"ConnectionStrings:{ConnectionStringName}: cannot connect to Redis at {string.Join(", ", Options.EndPoints)} within {Options.ConnectTimeout} ms.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}
