using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Interviewer.Rubrics.Tabular;

/// <summary>
/// Streams rows from CSV (header row; comma, semicolon or tab separated, as Spanish Excel writes them;
/// BOM and quoted newlines handled), JSON Lines, or a JSON document (an array of rows, or <c>{ "items": [...] }</c>).
/// Column names follow <see cref="ColumnNames"/>. Rows that cannot be read come back with an error and their line
/// number; reading goes on.
/// </summary>
public static class TabularReader
{
    /// <summary>Chooses the format from the file's extension, else from its first character.</summary>
    public static TabularFormat DetectFormat(string path, TextReader? peek = null)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".jsonl" or ".ndjson" or ".json")
        {
            return TabularFormat.JsonLines;
        }
        if (extension is ".csv" or ".tsv" or ".txt")
        {
            return TabularFormat.Csv;
        }
        return peek is not null && FirstNonSpace(peek) is '{' or '[' ? TabularFormat.JsonLines : TabularFormat.Csv;
    }

    /// <summary>
    /// The format of a request body by its media type: CSV (<c>text/csv</c>, <c>application/csv</c>, <c>text/plain</c>),
    /// JSON Lines (<c>application/x-ndjson</c>, <c>application/jsonl</c>), or null for any other type (a JSON body is read
    /// by the host, its <c>items</c> with <see cref="FromJson"/>).
    /// </summary>
    public static TabularFormat? FromMediaType(string? mediaType) => mediaType?.Trim().ToLowerInvariant() switch
    {
        "text/csv" or "application/csv" or "text/plain" => TabularFormat.Csv,
        "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" => TabularFormat.JsonLines,
        _ => null,
    };

    /// <summary>Reads rows one at a time; memory stays flat whatever the input's size.</summary>
    public static IEnumerable<TabularRow> Read(TextReader reader, TabularFormat format) =>
        format == TabularFormat.JsonLines ? ReadJsonLines(reader) : ReadCsv(reader);

    /// <summary>
    /// One row from a JSON object (a JSON Lines line, or an item of a JSON body): names as <see cref="ColumnNames"/> reads
    /// them, strings as they are, numbers and booleans as their JSON text, arrays joined with <c>;</c>.
    /// </summary>
    public static TabularRow FromJson(int line, JsonElement item)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new TabularRow(line, fields, $"expected a JSON object, found {item.ValueKind.ToString().ToLowerInvariant()}");
        }
        foreach (var property in item.EnumerateObject())
        {
            fields[ColumnNames.Normalize(property.Name)] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.Array => string.Join(';', property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                _ => property.Value.GetRawText(),
            };
        }
        return new TabularRow(line, fields);
    }

    /// <summary>
    /// The rows of a JSON document: an array of row objects, or an object whose <c>items</c> is one (the HTTP API's body).
    /// Rows are numbered by their position in the array.
    /// </summary>
    public static IEnumerable<TabularRow> FromJsonDocument(JsonElement root)
    {
        var items = root.ValueKind == JsonValueKind.Array ? root : Items(root);
        if (items is not { ValueKind: JsonValueKind.Array } array)
        {
            yield return new TabularRow(1, new Dictionary<string, string?>(), "expected JSON Lines, a JSON array of rows, or an object with 'items': [ rows ]");
            yield break;
        }
        var position = 0;
        foreach (var item in array.EnumerateArray())
        {
            yield return FromJson(++position, item);
        }
    }

    private static JsonElement? Items(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var property in root.EnumerateObject())
        {
            if (ColumnNames.Normalize(property.Name) == "items")
            {
                return property.Value;
            }
        }
        return null;
    }

    private static IEnumerable<TabularRow> ReadJsonLines(TextReader reader)
    {
        var lineNumber = 0;
        var first = true;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = lineNumber == 1 ? line.TrimStart('\uFEFF') : line;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            if (first && !IsJsonObject(text))
            {
                // Not one object per line: a JSON array, or a pretty-printed object with 'items'.
                foreach (var row in ReadJsonDocument(lineNumber, text, reader))
                {
                    yield return row;
                }
                yield break;
            }
            first = false;
            yield return ParseJsonLine(lineNumber, text);
        }
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<TabularRow> ReadJsonDocument(int firstLine, string firstText, TextReader reader)
    {
        var text = firstText + "\n" + reader.ReadToEnd();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            // Not one document either: JSON Lines with a broken first line; each line is reported on its own.
            return text.Split('\n').Select((line, i) => (Line: firstLine + i, Text: line.TrimEnd('\r')))
                .Where(l => !string.IsNullOrWhiteSpace(l.Text))
                .Select(l => ParseJsonLine(l.Line, l.Text)).ToList();
        }
        using (document)
        {
            // Rows hold strings only, so the document can go once they are read.
            return FromJsonDocument(document.RootElement).ToList();
        }
    }

    private static TabularRow ParseJsonLine(int lineNumber, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var row = FromJson(lineNumber, document.RootElement);
            return row.Error is null ? row : row with { Error = $"{row.Error} on this line" };
        }
        catch (JsonException e)
        {
            return new TabularRow(lineNumber, new Dictionary<string, string?>(), $"invalid JSON: {e.Message}");
        }
    }

    private static IEnumerable<TabularRow> ReadCsv(TextReader reader)
    {
        // Malformed records (broken quoting) are skipped by the reader and reported here, then yielded in line order.
        var malformed = new Queue<CsvMalformedRecord>();
        var options = CsvReaderOptions.Default with
        {
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => malformed.Enqueue(record),
        };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        string[] header = [];
        string? headerError = null;
        try
        {
            csv.ReadHeader();
            header = csv.Headers.Select(ColumnNames.Normalize).ToArray();
        }
        catch (CsvFormatException e)
        {
            headerError = $"unreadable CSV header: {FirstLine(e.Message)}";
        }
        if (headerError is not null)
        {
            yield return new TabularRow(1, new Dictionary<string, string?>(), headerError);
            yield break;
        }

        while (true)
        {
            bool more;
            string? error = null;
            try
            {
                more = csv.Read();
            }
            catch (CsvFormatException e)
            {
                more = false;
                error = FirstLine(e.Message);
            }
            var line = more ? (int)csv.LineNumber : int.MaxValue;
            while (malformed.Count > 0 && malformed.Peek().LineNumber < line)
            {
                var bad = malformed.Dequeue();
                yield return new TabularRow((int)bad.LineNumber, new Dictionary<string, string?>(), Describe(bad));
            }
            if (error is not null)
            {
                yield return new TabularRow(0, new Dictionary<string, string?>(), $"unreadable CSV: {error}");
                yield break;
            }
            if (!more)
            {
                yield break;
            }

            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length && i < csv.FieldCount; i++)
            {
                if (header[i].Length > 0)
                {
                    fields[header[i]] = csv.GetString(i);
                }
            }
            var extra = Enumerable.Range(header.Length, Math.Max(0, csv.FieldCount - header.Length)).Any(i => !csv.IsEmpty(i));
            yield return new TabularRow(line, fields,
                extra ? $"{csv.FieldCount} fields but the header has {header.Length}: check the quoting and separators of this row" : null);
        }
    }

    private static string Describe(CsvMalformedRecord record) => record.Reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "broken CSV quoting: a quoted field is never closed",
        CsvMalformedReason.StrayQuote => $"broken CSV quoting: a quote inside an unquoted field ({Shorten(record.RawRecord)})",
        CsvMalformedReason.TextAfterClosingQuote => $"broken CSV quoting: text after a closing quote ({Shorten(record.RawRecord)})",
        _ => $"malformed CSV row: {record.Reason} ({Shorten(record.RawRecord)})",
    };

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= 60 ? oneLine : string.Concat(oneLine.AsSpan(0, 60), "…");
    }

    private static int FirstNonSpace(TextReader reader)
    {
        int c;
        while ((c = reader.Peek()) is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
        {
            reader.Read();
        }
        return c;
    }
}
