using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Interviewer.Api.Tests.Infrastructure;

namespace Interviewer.Api.Tests.Interviews;

/// <summary>
/// The hub's JSON protocol spoken over a bare WebSocket, so a test sees messages in the order they are on the wire
/// (the SignalR client hands results and events to different continuations, which hides that order).
/// </summary>
internal sealed class RawHubConnection : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket = new();
    private readonly Queue<JsonElement> _received = new();
    private readonly StringBuilder _partial = new();
    private int _nextInvocationId;

    public static async Task<RawHubConnection> ConnectAsync(InterviewerApp app)
    {
        var connection = new RawHubConnection();
        var url = new UriBuilder(new Uri(app.BaseAddress, "hubs/interview")) { Scheme = "ws" }.Uri;
        await connection._socket.ConnectAsync(url, CancellationToken.None).WaitAsync(HubTestClient.Timeout);
        await connection.SendAsync("""{"protocol":"json","version":1}""");
        var handshake = await connection.ReceiveAsync();
        Assert.False(handshake.TryGetProperty("error", out _), handshake.ToString());
        return connection;
    }

    /// <summary>Sends an invocation and returns its id.</summary>
    public async Task<string> InvokeAsync(string target, object argument)
    {
        var id = (++_nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments = new[] { argument } });
        await SendAsync(message);
        return id;
    }

    /// <summary>The next message that is not a ping: an invocation result (type 3) or an event (type 1).</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        while (true)
        {
            while (_received.Count == 0)
            {
                await ReadFrameAsync();
            }
            var message = _received.Dequeue();
            if (!message.TryGetProperty("type", out var type) || type.GetInt32() != 6)
            {
                return message;
            }
        }
    }

    /// <summary>What a message is, for ordering assertions: <c>result:ID</c> or the event's name.</summary>
    public static string Describe(JsonElement message) => message.GetProperty("type").GetInt32() switch
    {
        3 => "result:" + message.GetProperty("invocationId").GetString(),
        1 => message.GetProperty("target").GetString()!,
        var other => "type:" + other,
    };

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        _socket.Dispose();
    }

    private Task SendAsync(string message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None)
            .WaitAsync(HubTestClient.Timeout);

    private async Task ReadFrameAsync()
    {
        var buffer = new byte[16 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(HubTestClient.Timeout);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            _partial.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);
        var text = _partial.ToString();
        var complete = text.LastIndexOf(RecordSeparator);
        if (complete < 0)
        {
            return;
        }
        foreach (var record in text[..complete].Split(RecordSeparator))
        {
            _received.Enqueue(JsonDocument.Parse(record).RootElement.Clone());
        }
        _partial.Clear().Append(text[(complete + 1)..]);
    }
}
