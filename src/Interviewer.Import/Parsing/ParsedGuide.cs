namespace Interviewer.Import.Parsing;

/// <summary>What the parser found in a guide: its sections with their questions, in document order, and what it left out.</summary>
public sealed record ParsedGuide(string Format, string? Title, IReadOnlyList<ParsedSection> Sections, IReadOnlyList<SkippedText> Skipped)
{
    /// <summary>Every question, in document order.</summary>
    public IEnumerable<ParsedQuestion> Questions => Sections.SelectMany(s => s.Questions);
}

/// <summary>A section (a heading followed by questions); <see cref="Title"/> is null for questions under no heading.</summary>
public sealed record ParsedSection(string? Title, string Location, IReadOnlyList<ParsedQuestion> Questions);

/// <summary>How a question's answer was found.</summary>
public enum AnswerSource
{
    /// <summary>After a label ("Respuesta:", "Example answer:").</summary>
    Label,

    /// <summary>The text that follows the question (and its description), with no label.</summary>
    FollowingText,

    /// <summary>No answer: the next question or heading came first.</summary>
    None,
}

/// <summary>A question as found: its exact text, description, answer (paragraphs, "- " list items and table rows, one per line).</summary>
public sealed record ParsedQuestion(string Text, string Location, string? Description, string Answer, AnswerSource AnswerSource)
{
    /// <summary>How many list items the answer has.</summary>
    public int ListItems { get; init; }

    /// <summary>How many table rows the answer has.</summary>
    public int TableRows { get; init; }

    /// <summary>Captions, calls to action and page furniture found among the answer's blocks and left out of it.</summary>
    public IReadOnlyList<SkippedText> Skipped { get; init; } = [];
}

/// <summary>Text left out: <see cref="Kind"/> is <c>caption</c>, <c>call_to_action</c> or <c>boilerplate</c>.</summary>
public sealed record SkippedText(string Kind, string Text, string Location)
{
    /// <summary>An image caption or alternative text.</summary>
    public const string Caption = "caption";

    /// <summary>A sentence that sends the reader to a course, a guide or a newsletter, and what follows it in its paragraph.</summary>
    public const string CallToAction = "call_to_action";

    /// <summary>Page furniture: sharing, subscribing, copyright, tables of contents.</summary>
    public const string Furniture = "boilerplate";
}
