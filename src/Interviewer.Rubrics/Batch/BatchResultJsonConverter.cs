using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Interviewer.Rubrics.Grading;

namespace Interviewer.Rubrics.Batch;

/// <summary>Writes a <see cref="BatchResult"/> as the grade's JSON with the row's line, id and candidate first (flat, not nested).</summary>
internal sealed class BatchResultJsonConverter : JsonConverter<BatchResult>
{
    public override void Write(Utf8JsonWriter writer, BatchResult value, JsonSerializerOptions options)
    {
        if (value.Grade is null)
        {
            writer.WriteStartObject();
            WriteRowProperties(writer, value, options);
            if (value.QuestionId is not null)
            {
                writer.WriteString(Name("questionId", options), value.QuestionId);
            }
            writer.WriteString(Name("error", options), value.Error);
            writer.WriteEndObject();
            return;
        }

        // The grade's own properties, spliced after the row's: serialise the grade, then drop its opening brace.
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var head = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder }))
        {
            head.WriteStartObject();
            WriteRowProperties(head, value, options);
            if (value.Stability is not null)
            {
                head.WritePropertyName(Name("stability", options));
                JsonSerializer.Serialize(head, value.Stability, options);
            }
            head.Flush();
        }
        var gradeJson = JsonSerializer.SerializeToUtf8Bytes(value.Grade, options);
        buffer.Write(","u8);
        buffer.Write(gradeJson.AsSpan(1));
        writer.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
    }

    public override BatchResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        string? Text(string name) => TryGet(root, name, options, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        var line = TryGet(root, "line", options, out var lineElement) && lineElement.ValueKind == JsonValueKind.Number ? lineElement.GetInt32() : 0;
        var error = Text("error");
        var grade = error is null ? root.Deserialize<GradeResult>(options) : null;
        var stability = TryGet(root, "stability", options, out var stabilityElement) && stabilityElement.ValueKind == JsonValueKind.Object
            ? stabilityElement.Deserialize<StabilityReport>(options)
            : null;
        return new BatchResult(line, Text("id"), Text("candidate"), Text("questionId"), grade, error) { Stability = stability };
    }

    private static void WriteRowProperties(Utf8JsonWriter writer, BatchResult value, JsonSerializerOptions options)
    {
        writer.WriteNumber(Name("line", options), value.Line);
        if (value.Id is not null)
        {
            writer.WriteString(Name("id", options), value.Id);
        }
        if (value.Candidate is not null)
        {
            writer.WriteString(Name("candidate", options), value.Candidate);
        }
    }

    private static string Name(string camelCase, JsonSerializerOptions options) =>
        options.PropertyNamingPolicy is null ? char.ToUpperInvariant(camelCase[0]) + camelCase[1..] : options.PropertyNamingPolicy.ConvertName(camelCase);

    private static bool TryGet(JsonElement root, string name, JsonSerializerOptions options, out JsonElement value) =>
        root.TryGetProperty(Name(name, options), out value) || root.TryGetProperty(name, out value);
}
