namespace Interviewer.Rubrics.Grading;

/// <summary>Grades one answer against its question's rubric.</summary>
public interface IAnswerGrader
{
    /// <summary>The grader's name as recorded in every grade: <c>keyword</c>, <c>llm</c> or <c>dual</c>.</summary>
    string Name { get; }

    /// <summary>Grades <paramref name="request"/>. Never throws for a bad answer: problems become flags.</summary>
    ValueTask<GradeResult> GradeAsync(GradeRequest request, CancellationToken ct = default);
}
