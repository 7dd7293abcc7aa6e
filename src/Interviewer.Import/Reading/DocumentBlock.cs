namespace Interviewer.Import.Reading;

/// <summary>What a block of a document is, as its format marks it (plain text: as its shape suggests).</summary>
public enum BlockKind
{
    /// <summary>A heading; <see cref="DocumentBlock.Level"/> is 1–6, or 0 when the format does not say.</summary>
    Heading,

    /// <summary>A paragraph of running text.</summary>
    Paragraph,

    /// <summary>An item of a bulleted or numbered list.</summary>
    ListItem,

    /// <summary>A table row, its cells joined by <see cref="DocumentBlock.CellSeparator"/>.</summary>
    TableRow,

    /// <summary>An image's caption or alternative text.</summary>
    Caption,
}

/// <summary>One block of text of a document, in document order, with where it is (<c>line 12</c>, <c>page 3</c>).</summary>
public sealed record DocumentBlock(BlockKind Kind, string Text, string Location)
{
    /// <summary>How the cells of a <see cref="BlockKind.TableRow"/> are joined.</summary>
    public const string CellSeparator = " | ";

    /// <summary>A heading's level (1–6); 0 when unknown or not a heading.</summary>
    public int Level { get; init; }

    /// <summary>The number a numbered list gives this item ("3." → 3); null for any other block and for bullets.</summary>
    public int? Number { get; init; }
}

/// <summary>A document read into blocks: its title when the format names one, and its blocks in order.</summary>
public sealed record GuideDocument(string Format, string? Title, IReadOnlyList<DocumentBlock> Blocks);
