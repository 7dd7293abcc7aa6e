using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Grading;

/// <summary>An answer to grade, with the bank and question it answers.</summary>
/// <param name="Bank">The bank the question belongs to (its id and version go into the grade).</param>
/// <param name="Question">The question answered.</param>
/// <param name="Answer">The answer exactly as received; evidence offsets point into this string.</param>
public sealed record GradeRequest(QuestionBank Bank, Question Question, string Answer);
