using System.Text;
using System.Text.Json;
using Interviewer.Api.Security;
using Interviewer.Rubrics.Tabular;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Interviewer.Api.Input;

/// <summary>
/// Rows sent to a route that grades them (<c>/api/grade</c>, <c>/api/calibrate</c>), read one way for both: a JSON body
/// <c>{ bankId?, grader?, items: [ rows ], ... }</c>, or CSV / JSON Lines (the route binds its parameters from the query;
/// a body's parameters win). Body and column names are read as <see cref="ColumnNames"/> reads them (<c>bankId</c> = <c>bank_id</c>).
/// </summary>
internal sealed class RowsRequest
{
    private readonly Dictionary<string, JsonElement> _body;

    private RowsRequest(IReadOnlyList<TabularRow> rows, Dictionary<string, JsonElement> body)
    {
        Rows = rows;
        _body = body;
    }

    public IReadOnlyList<TabularRow> Rows { get; }

    /// <summary>A JSON body's parameter by its snake_case name, or null when absent.</summary>
    public JsonElement? Body(string name) => _body.TryGetValue(name, out var value) ? value : null;

    /// <summary>A JSON body's text parameter, else <paramref name="fromQuery"/>.</summary>
    public string? Text(string name, string? fromQuery) =>
        _body.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : fromQuery;

    /// <summary>A JSON body's whole-number parameter, else <paramref name="fromQuery"/>; false when the body's value is not a whole number.</summary>
    public bool TryNumber(string name, int? fromQuery, out int? value)
    {
        value = fromQuery;
        if (!_body.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        value = element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var number) ? number : null;
        return value is not null;
    }

    /// <summary>A JSON body's true/false parameter, else <paramref name="fromQuery"/>; false when the body's value is not a boolean.</summary>
    public bool TryFlag(string name, bool? fromQuery, out bool value)
    {
        value = fromQuery ?? false;
        if (!_body.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        value = element.ValueKind == JsonValueKind.True;
        return element.ValueKind is JsonValueKind.True or JsonValueKind.False;
    }

    public static async Task<(RowsRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpContext context, LimitsOptions limits, CancellationToken ct)
    {
        var request = context.Request;
        var tooLarge = RequestBodyLimit.TooLarge(limits, "body");
        if (!RequestBodyLimit.Apply(context, limits))
        {
            return (null, tooLarge);
        }
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        var tabular = TabularReader.FromMediaType(mediaType);
        if (tabular is null && mediaType is not (null or "application/json") && !mediaType.EndsWith("+json", StringComparison.Ordinal))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"Send application/json ({{ bankId, items: [ rows ] }}), text/csv (a header row) or application/x-ndjson (JSON Lines); got '{request.ContentType}'."));
        }

        string body;
        try
        {
            body = await ReadBodyAsync(request, limits.MaxRequestBytes, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
        }
        catch (BodyTooLargeException)
        {
            return (null, tooLarge);
        }

        var tooManyRows = ApiProblems.TooLarge(nameof(LimitsOptions.MaxBatchRows),
            $"More than {limits.MaxBatchRows:N0} rows ({LimitsOptions.Section}:{nameof(LimitsOptions.MaxBatchRows)}); split them, or use the 'interviewer' command line, which has no limit.");
        if (tabular is { } format)
        {
            var rows = new List<TabularRow>();
            foreach (var row in TabularReader.Read(new StringReader(body), format))
            {
                if (rows.Count == limits.MaxBatchRows)
                {
                    return (null, tooManyRows);
                }
                rows.Add(row);
            }
            return (new RowsRequest(rows, []), null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.BadRequest("Invalid JSON", $"The body is not valid JSON: {e.Message} Expected {{ \"bankId\"?, \"grader\"?, \"items\": [ rows ] }}."));
        }
        using (document)
        {
            var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    parameters[ColumnNames.Normalize(property.Name)] = property.Value.Clone();
                }
            }
            if (!parameters.TryGetValue("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                return (null, ApiProblems.BadRequest("No rows", "The body needs 'items': [ rows ], e.g. { \"bankId\": \"mlops-es\", \"items\": [ { \"questionId\": \"...\", \"answer\": \"...\" } ] }."));
            }
            if (items.GetArrayLength() > limits.MaxBatchRows)
            {
                return (null, tooManyRows);
            }
            return (new RowsRequest(TabularReader.FromJsonDocument(items).ToList(), parameters), null);
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new BodyTooLargeException();
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(ct);
    }

    private sealed class BodyTooLargeException : Exception;
}
