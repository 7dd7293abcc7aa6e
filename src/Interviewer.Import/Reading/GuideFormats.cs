namespace Interviewer.Import.Reading;

/// <summary>The document formats an interview guide can come in, and how one is recognised.</summary>
public static class GuideFormats
{
    /// <summary>Plain text.</summary>
    public const string Text = "txt";

    /// <summary>Markdown.</summary>
    public const string Markdown = "md";

    /// <summary>HTML.</summary>
    public const string Html = "html";

    /// <summary>Word (Office Open XML).</summary>
    public const string Docx = "docx";

    /// <summary>PDF.</summary>
    public const string Pdf = "pdf";

    /// <summary>Every format, in the order the help lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Text, Markdown, Html, Docx, Pdf];

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = Text, [".text"] = Text,
        [".md"] = Markdown, [".markdown"] = Markdown,
        [".html"] = Html, [".htm"] = Html, [".xhtml"] = Html,
        [".docx"] = Docx,
        [".pdf"] = Pdf,
    };

    /// <summary>The format of a file from its name's extension, or null when the extension is not one of ours.</summary>
    public static string? FromFileName(string fileName) =>
        Extensions.GetValueOrDefault(Path.GetExtension(fileName ?? string.Empty));
}
