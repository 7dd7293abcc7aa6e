namespace Interviewer.Rubrics.Drafting;

/// <summary>A question with its reference answer, to draft a rubric from.</summary>
/// <param name="Question">The question's text.</param>
/// <param name="ReferenceAnswer">A reference (model) answer that covers what a complete answer says.</param>
public sealed record DraftSource(string Question, string ReferenceAnswer)
{
    /// <summary>The question's id; derived from the text when null.</summary>
    public string? Id { get; init; }

    /// <summary>The category id; <see cref="RubricDrafter.DraftedCategory"/> when null.</summary>
    public string? Category { get; init; }

    /// <summary>ISO 639-1 language (<c>es</c>, <c>en</c>); guessed from the text when null.</summary>
    public string? Language { get; init; }
}

/// <summary>How the drafter splits a reference answer into key points.</summary>
public sealed record RubricDraftOptions
{
    /// <summary>A sentence with more content words than this is split at its commas and semicolons into several key points. Default 8.</summary>
    public int MaxConceptsPerKeyPoint { get; init; } = 8;

    /// <summary>A clause with fewer content words than this joins its neighbour. Default 2.</summary>
    public int MinConceptsPerKeyPoint { get; init; } = 2;

    /// <summary>
    /// Longest run of adjacent content words kept as one phrase (a multi-word term); 1, the default, makes every content
    /// word its own concept, which agreed best with human graders on short technical answers.
    /// </summary>
    public int MaxTermWords { get; init; } = 1;

    /// <summary>
    /// Weight, per concept, of the words the reference answer repeats from its question (gathered in one key point),
    /// against 1 for the others: a candidate can echo the question without knowing the answer. 0 leaves them out. Default 0.25.
    /// </summary>
    public double QuestionEchoWeight { get; init; } = 0.25;

    /// <summary>The defaults.</summary>
    public static RubricDraftOptions Default { get; } = new();
}
