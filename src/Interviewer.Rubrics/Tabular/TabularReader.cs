using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Interviewer.Rubrics.Tabular;

/// <summary>
/// Streams rows from CSV (header row; comma, semicolon or tab separated, as Spanish Excel writes them;
/// BOM and quoted newlines handled) or JSON Lines. Rows that cannot be read come back with an error
/// and their line number; reading goes on.
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
        return peek is not null && FirstNonSpace(peek) == '{' ? TabularFormat.JsonLines : TabularFormat.Csv;
    }

    /// <summary>Chooses the format from a content type or the content's first character.</summary>
    public static TabularFormat DetectFormat(string? contentType, string content) =>
        contentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true ? TabularFormat.Csv
        : contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? TabularFormat.JsonLines
        : content.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{') ? TabularFormat.JsonLines : TabularFormat.Csv;

    /// <summary>Reads rows one at a time; memory stays flat whatever the input's size.</summary>
    public static IEnumerable<TabularRow> Read(TextReader reader, TabularFormat format) =>
        format == TabularFormat.JsonLines ? ReadJsonLines(reader) : ReadCsv(reader);

    private static IEnumerable<TabularRow> ReadJsonLines(TextReader reader)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = lineNumber == 1 ? line.TrimStart('\uFEFF') : line;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            yield return ParseJsonLine(lineNumber, text);
        }
    }

    private static TabularRow ParseJsonLine(int lineNumber, string text)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new TabularRow(lineNumber, fields, "expected a JSON object on this line");
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name.Trim().ToLowerInvariant()] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.Array => string.Join(';', property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                    _ => property.Value.GetRawText(),
                };
            }
            return new TabularRow(lineNumber, fields);
        }
        catch (JsonException e)
        {
            return new TabularRow(lineNumber, fields, $"invalid JSON: {e.Message}");
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
            header = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
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
