using Interviewer.Rubrics.Model;

namespace Interviewer.Api.Interviews;

/// <summary>Chooses an interview's questions: a seeded shuffle of the chosen categories, no repeats.</summary>
internal static class InterviewPlanner
{
    /// <summary>
    /// The plan: <paramref name="count"/> questions (fewer when the categories hold fewer) drawn from
    /// <paramref name="categories"/>, or from the bank's default-plan categories (not <c>faq</c>) when none are named.
    /// </summary>
    public static IReadOnlyList<Question> Plan(QuestionBank bank, int count, IReadOnlyList<string>? categories, int seed)
    {
        if (count < 1)
        {
            throw new InterviewException(InterviewError.InvalidInput, $"questionCount must be at least 1; it was {count}");
        }
        HashSet<string> chosen;
        if (categories is null || categories.Count == 0)
        {
            chosen = bank.Categories.Where(c => c.InDefaultPlan).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        }
        else
        {
            var unknown = categories.Where(c => bank.FindCategory(c ?? string.Empty) is null).ToList();
            if (unknown.Count > 0)
            {
                throw new InterviewException(InterviewError.InvalidInput,
                    $"unknown categor{(unknown.Count == 1 ? "y" : "ies")} {string.Join(", ", unknown.Select(u => $"'{u}'"))} in bank '{bank.Id}'; categories: {string.Join(", ", bank.Categories.Select(c => c.Id))}");
            }
            chosen = categories.ToHashSet(StringComparer.Ordinal);
        }

        var pool = bank.Questions.Where(q => chosen.Contains(q.Category)).ToArray();
        if (pool.Length == 0)
        {
            throw new InterviewException(InterviewError.InvalidInput,
                $"bank '{bank.Id}' has no question in {string.Join(", ", chosen.Order(StringComparer.Ordinal))}");
        }

        // Fisher–Yates with a seeded generator: the same bank and seed always give the same plan.
        var random = new Random(seed);
        for (var i = pool.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool.Take(count).ToArray();
    }

    /// <summary>A plan of exactly these questions, in this order: at most <paramref name="maxCount"/>, every id in the bank, once.</summary>
    public static IReadOnlyList<Question> Chosen(QuestionBank bank, IReadOnlyList<string> questionIds, int maxCount)
    {
        if (questionIds.Count > maxCount)
        {
            throw new InterviewException(InterviewError.InvalidInput, $"questionIds names {questionIds.Count} questions; the most is {maxCount}");
        }
        var unknown = questionIds.Where(id => bank.FindQuestion(id ?? string.Empty) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new InterviewException(InterviewError.InvalidInput,
                $"bank '{bank.Id}' has no question {string.Join(", ", unknown.Select(u => $"'{u}'"))}");
        }
        var repeated = questionIds.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new InterviewException(InterviewError.InvalidInput,
                $"{string.Join(", ", repeated.Select(r => $"'{r}'"))} named more than once");
        }
        return questionIds.Select(id => bank.FindQuestion(id)!).ToArray();
    }
}
