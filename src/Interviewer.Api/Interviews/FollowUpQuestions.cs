using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Interviewer.Rubrics.Model;

namespace Interviewer.Api.Interviews;

/// <summary>
/// The question a follow-up is graded on: one instance per question, text and targets, shared by every session, so that
/// a grader's per-question work (the keyword grader compiles each question's rubric once) is done once for follow-ups too.
/// </summary>
internal static class FollowUpQuestions
{
    private static readonly ConditionalWeakTable<Question, ConcurrentDictionary<string, Question>> ByQuestion = [];

    public static Question For(Question question, string text, IReadOnlyList<KeyPoint> targets)
    {
        var key = string.Join('\n', targets.Select(k => k.Id)) + "\n\n" + text;
        return ByQuestion.GetValue(question, _ => new(StringComparer.Ordinal))
            .GetOrAdd(key, _ => question with { Text = text, KeyPoints = targets, Exemplars = [] });
    }
}
