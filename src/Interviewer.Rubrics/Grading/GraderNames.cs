namespace Interviewer.Rubrics.Grading;

/// <summary>The names graders are chosen by, in settings, the hub, the HTTP API and the CLI.</summary>
public static class GraderNames
{
    /// <summary>The deterministic, offline keyword grader (the default).</summary>
    public const string Keyword = "keyword";

    /// <summary>The LLM grader, falling back to keyword when the model cannot answer.</summary>
    public const string Llm = "llm";

    /// <summary>Both graders: the LLM grade with the keyword grade beside it.</summary>
    public const string Dual = "dual";

    /// <summary>Every grader name, in the order they are documented.</summary>
    public static IReadOnlyList<string> All { get; } = [Keyword, Llm, Dual];
}
