namespace Interviewer.Rubrics.Grading;

/// <summary>The graders a host has configured, found by name.</summary>
public sealed class GraderRegistry
{
    private readonly Dictionary<string, IAnswerGrader> _graders;

    /// <summary>Creates the registry; the first grader given is the default unless <paramref name="defaultName"/> says otherwise.</summary>
    public GraderRegistry(IEnumerable<IAnswerGrader> graders, string? defaultName = null)
    {
        _graders = new Dictionary<string, IAnswerGrader>(StringComparer.OrdinalIgnoreCase);
        foreach (var grader in graders)
        {
            _graders[grader.Name] = grader;
        }
        if (_graders.Count == 0)
        {
            throw new ArgumentException("At least one grader is needed.", nameof(graders));
        }
        DefaultName = defaultName ?? _graders.Keys.First();
        if (!_graders.ContainsKey(DefaultName))
        {
            throw new ArgumentException($"The default grader '{DefaultName}' is not configured; configured: {string.Join(", ", Names)}.", nameof(defaultName));
        }
    }

    /// <summary>The grader used when none is asked for.</summary>
    public string DefaultName { get; }

    /// <summary>The configured graders' names.</summary>
    public IReadOnlyList<string> Names => GraderNames.All.Where(_graders.ContainsKey).Concat(_graders.Keys.Where(k => !GraderNames.All.Contains(k))).ToList();

    /// <summary>Finds a grader by name (case-insensitive), or returns false.</summary>
    public bool TryGet(string? name, out IAnswerGrader grader) =>
        _graders.TryGetValue(string.IsNullOrWhiteSpace(name) ? DefaultName : name, out grader!);

    /// <summary>Finds a grader by name, or the default when <paramref name="name"/> is empty; else says why not.</summary>
    /// <param name="name">The grader asked for; null or blank for the default.</param>
    /// <param name="grader">The grader found.</param>
    /// <param name="error">When not found, the one text every host shows (see <see cref="NotAvailable"/>).</param>
    public bool TryGet(string? name, out IAnswerGrader grader, out string? error)
    {
        var found = TryGet(name, out grader);
        error = found ? null : NotAvailable(name);
        return found;
    }

    /// <summary>Finds a grader by name, or the default when <paramref name="name"/> is empty.</summary>
    /// <exception cref="KeyNotFoundException">No grader by that name is configured; the message lists those that are.</exception>
    public IAnswerGrader Get(string? name = null) =>
        TryGet(name, out var grader) ? grader : throw new KeyNotFoundException(NotAvailable(name));

    /// <summary>
    /// Why <paramref name="name"/> cannot grade: a known grader that needs a model that is not configured, or a name that
    /// is no grader; both list the configured graders.
    /// </summary>
    public string NotAvailable(string? name)
    {
        var configured = $"configured graders: {string.Join(", ", Names)}";
        return GraderNames.All.Contains(name?.Trim(), StringComparer.OrdinalIgnoreCase)
            ? $"the {name!.Trim().ToLowerInvariant()} grader needs a model: set Interviewer__Llm__Provider (Interviewer:Llm:Provider) and its settings, see docs/llm.md; {configured}"
            : $"unknown grader '{name}'; {configured}";
    }
}
