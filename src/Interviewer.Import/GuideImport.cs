using Interviewer.Import.Parsing;
using Interviewer.Import.Review;
using Interviewer.Rubrics.Model;

namespace Interviewer.Import;

/// <summary>What to call an imported bank; each value left null is taken from the document (or its file name).</summary>
public sealed record ImportOptions
{
    /// <summary>The bank's id; default: a slug of the file name, else of the title.</summary>
    public string? Id { get; init; }

    /// <summary>The bank's title; default: the document's title, else the file name.</summary>
    public string? Title { get; init; }

    /// <summary>The bank's language (<c>es</c>, <c>en</c>); default: guessed from the questions and answers.</summary>
    public string? Language { get; init; }

    /// <summary>The document's file name, for the defaults above.</summary>
    public string? FileName { get; init; }
}

/// <summary>An imported guide: the drafted bank (read back from its own files) and the review report.</summary>
public sealed record GuideImport(QuestionBank Bank, ImportReport Report, ParsedGuide Guide);
