using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Interviewer.Api.Tests.Infrastructure;

/// <summary>
/// Every log entry the service writes (message, exception and scopes), through the service's own level filters
/// (appsettings.json), so a test sees exactly what a default installation would log.
/// </summary>
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public void AddTo(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(this);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <summary>One entry with everything it carries written out as text.</summary>
    internal sealed record LogEntry(string Category, LogLevel Level, string Text);

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new System.Text.StringBuilder(formatter(state, exception));
            text.Append(' ').Append(state);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(' ').Append(key).Append('=').Append(value);
                }
            }
            if (exception is not null)
            {
                text.Append(' ').Append(exception);
            }
            owner._scopes.ForEachScope((scope, builder) => builder.Append(" scope=").Append(scope), text);
            owner._entries.Enqueue(new LogEntry(category, logLevel, text.ToString()));
        }
    }
}
