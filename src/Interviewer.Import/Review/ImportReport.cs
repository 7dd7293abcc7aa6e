using Interviewer.Import.Parsing;

namespace Interviewer.Import.Review;

/// <summary>What the importer found and how sure it is, question by question: what a person checks before using the bank.</summary>
/// <param name="Format">The document's format (<c>txt</c>, <c>md</c>, <c>html</c>, <c>docx</c>, <c>pdf</c>).</param>
/// <param name="DocumentTitle">The title the document gives itself, if any.</param>
/// <param name="QuestionsFound">Questions found in the document.</param>
/// <param name="QuestionsDrafted">Questions in the bank (those with an answer).</param>
/// <param name="Sections">Each section that holds questions, with its category.</param>
/// <param name="Questions">Every question found, in document order.</param>
/// <param name="Skipped">Captions, calls to action and boilerplate left out, outside any answer (those inside are per question).</param>
/// <param name="Problems">Problems of the drafted bank as <c>validate</c> reports them; empty when it validates.</param>
public sealed record ImportReport(
    string Format,
    string? DocumentTitle,
    int QuestionsFound,
    int QuestionsDrafted,
    IReadOnlyList<SectionReview> Sections,
    IReadOnlyList<QuestionReview> Questions,
    IReadOnlyList<SkippedText> Skipped,
    IReadOnlyList<string> Problems)
{
    /// <summary>Whether the drafted bank validates.</summary>
    public bool Valid => Problems.Count == 0;
}

/// <summary>A section of the document and the category it became (null when none of its questions has an answer).</summary>
public sealed record SectionReview(string Title, string? Category, string Location, int Questions);

/// <summary>One question as found: where, what was found with it, how sure the importer is and what to check.</summary>
/// <param name="Number">1-based position in the document.</param>
/// <param name="Id">The question's id in the bank; null when it was left out (no answer).</param>
/// <param name="Text">The question, exactly as in the document.</param>
/// <param name="Section">The section's title.</param>
/// <param name="Location">Where it is in the document (<c>line 22</c>, <c>page 3</c>, <c>paragraph 14</c>).</param>
/// <param name="HasDescription">Whether a description ("Descripción:", "What it evaluates:") was found.</param>
/// <param name="Answer">How the answer was found: after a label, the text that follows, or none.</param>
/// <param name="AnswerWords">Words in the answer.</param>
/// <param name="ListItems">List items in the answer.</param>
/// <param name="TableRows">Table rows in the answer.</param>
/// <param name="KeyPoints">Key points drafted.</param>
/// <param name="Confidence"><c>high</c>, <c>medium</c> or <c>low</c>: how sure the importer is that question, description and answer belong together.</param>
/// <param name="Warnings">What to check.</param>
/// <param name="Skipped">Captions, calls to action and boilerplate left out of the answer.</param>
public sealed record QuestionReview(
    int Number,
    string? Id,
    string Text,
    string Section,
    string Location,
    bool HasDescription,
    AnswerSource Answer,
    int AnswerWords,
    int ListItems,
    int TableRows,
    int KeyPoints,
    string Confidence,
    IReadOnlyList<ReviewWarning> Warnings,
    IReadOnlyList<SkippedText> Skipped)
{
    /// <summary>What <c>--refine</c> did to the question's key points; null when no refinement was asked (or it has no answer).</summary>
    public RefinementReview? Refinement { get; init; }
}

/// <summary>What an LLM refinement did to a question's drafted key points.</summary>
/// <param name="Refined">Whether the model's key points replaced the draft's.</param>
/// <param name="Reason">Why the draft was kept: the model's failure, or what was wrong with its proposal.</param>
public sealed record RefinementReview(bool Refined, string? Reason);

/// <summary>Something to check about a question: a stable <see cref="Code"/> and a message for people.</summary>
public sealed record ReviewWarning(string Code, string Message)
{
    /// <summary>No description was found: <c>evaluates</c> says the rubric is a draft.</summary>
    public const string NoDescription = "no_description";

    /// <summary>The answer is very short: few key points, easy to cover by chance.</summary>
    public const string ShortAnswer = "short_answer";

    /// <summary>No answer: the question is not in the bank.</summary>
    public const string NoAnswer = "no_answer";

    /// <summary>The answer speaks of another question's subject more than of its own.</summary>
    public const string AnswerLooksLikeOtherQuestion = "answer_like_other_question";

    /// <summary>The other question an answer looks like, for <see cref="AnswerLooksLikeOtherQuestion"/>.</summary>
    public string? OtherQuestionId { get; init; }
}

/// <summary>The confidence levels of a <see cref="QuestionReview"/>.</summary>
public static class Confidence
{
    /// <summary>Description and labelled answer found, nothing to warn about.</summary>
    public const string High = "high";

    /// <summary>Found, with something missing: no description, or an answer taken from the text that follows.</summary>
    public const string Medium = "medium";

    /// <summary>No answer, a very short one, or one that looks like another question's: check it.</summary>
    public const string Low = "low";
}
