using System.Text;

namespace Interviewer.Import.Reading;

/// <summary>Reads an interview guide in any of <see cref="GuideFormats.All"/> into blocks.</summary>
public static class GuideReader
{
    /// <summary>Reads <paramref name="content"/> as <paramref name="format"/> (one of <see cref="GuideFormats.All"/>).</summary>
    /// <exception cref="GuideImportException">The format is unknown, or the content is not a readable document of that format.</exception>
    public static GuideDocument Read(byte[] content, string format)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return format switch
            {
                GuideFormats.Text => PlainTextReader.Read(Decode(content)),
                GuideFormats.Markdown => MarkdownReader.Read(Decode(content)),
                GuideFormats.Html => HtmlReader.Read(Decode(content)),
                GuideFormats.Docx => DocxReader.Read(new MemoryStream(content, writable: false)),
                GuideFormats.Pdf => PdfReader.Read(content),
                _ => throw new GuideImportException($"unknown format '{format}': expected one of {string.Join(", ", GuideFormats.All)}."),
            };
        }
        catch (Exception e) when (e is not GuideImportException && IsUnreadable(e))
        {
            throw new GuideImportException($"the file is not a readable {FormatName(format)} document ({e.Message}).", e);
        }
    }

    /// <summary>Reads a file; its format comes from its extension.</summary>
    /// <exception cref="GuideImportException">The extension is not one of the supported formats, or the file cannot be read as its format.</exception>
    public static GuideDocument ReadFile(string path)
    {
        var format = GuideFormats.FromFileName(path)
            ?? throw new GuideImportException($"unknown document type '{Path.GetExtension(path)}'; supported: .txt, .md, .html, .docx, .pdf.");
        return Read(File.ReadAllBytes(path), format);
    }

    private static string FormatName(string format) => format switch
    {
        GuideFormats.Docx => "Word (.docx)",
        GuideFormats.Pdf => "PDF",
        GuideFormats.Html => "HTML",
        GuideFormats.Markdown => "Markdown",
        _ => "text",
    };

    // Text formats are UTF-8 unless a byte-order mark says otherwise; a byte that is not UTF-8 is a clear error, not mojibake.
    private static string Decode(byte[] content)
    {
        if (content.AsSpan().IndexOf((byte)0) >= 0 && !HasUnicodeBom(content))
        {
            throw new GuideImportException("the file is binary, not text (did you mean .docx or .pdf?).");
        }
        using var reader = new StreamReader(new MemoryStream(content), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException e)
        {
            throw new GuideImportException($"the file is not UTF-8 text (invalid byte at offset {e.Index}); save it as UTF-8.", e);
        }
    }

    private static bool HasUnicodeBom(byte[] content) =>
        content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF));

    private static bool IsUnreadable(Exception e) =>
        e is InvalidDataException or FormatException or IOException or InvalidOperationException or ArgumentException
            or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException or UglyToad.PdfPig.Core.PdfDocumentFormatException;
}
