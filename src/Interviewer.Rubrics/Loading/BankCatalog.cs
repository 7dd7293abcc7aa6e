using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Loading;

/// <summary>Every bank under a rubrics folder (one sub-folder per bank), loaded together.</summary>
public sealed class BankCatalog
{
    private readonly Lock _gate = new();

    // Replaced whole when a bank is added, so that readers never lock.
    private volatile Dictionary<string, QuestionBank> _banks;

    private BankCatalog(string root, IEnumerable<QuestionBank> banks)
    {
        Root = root;
        _banks = banks.ToDictionary(b => b.Id, StringComparer.Ordinal);
    }

    /// <summary>The folder the banks were loaded from.</summary>
    public string Root { get; }

    /// <summary>The banks, ordered by id.</summary>
    public IReadOnlyList<QuestionBank> Banks => _banks.Values.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();

    /// <summary>The folder of the banks shipped next to the running program.</summary>
    public static string DefaultRoot => Path.Combine(AppContext.BaseDirectory, "rubrics");

    /// <summary>Adds a bank written after the catalog was loaded (an imported one); false when a bank with its id is already there.</summary>
    public bool TryAdd(QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        lock (_gate)
        {
            if (_banks.ContainsKey(bank.Id))
            {
                return false;
            }
            _banks = new Dictionary<string, QuestionBank>(_banks, StringComparer.Ordinal) { [bank.Id] = bank };
            return true;
        }
    }

    /// <summary>Puts a bank whose files changed after loading (exemplars saved) in place of the one with its id.</summary>
    public void Replace(QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        lock (_gate)
        {
            _banks = new Dictionary<string, QuestionBank>(_banks, StringComparer.Ordinal) { [bank.Id] = bank };
        }
    }

    /// <summary>The folder a bank is read from under <paramref name="root"/> (a root holding <c>bank.yaml</c> is itself the bank's folder).</summary>
    public static string FolderOf(string root, string bankId) =>
        File.Exists(Path.Combine(root, BankLoader.BankFileName)) ? root : Path.Combine(root, bankId);

    /// <summary>Finds a bank by id, or returns null.</summary>
    public QuestionBank? Find(string bankId) => _banks.GetValueOrDefault(bankId);

    /// <summary>
    /// The one rule for choosing a bank: the bank named by <paramref name="bankId"/> (surrounding white space ignored);
    /// when none is named, <paramref name="defaultId"/>, else the only bank loaded.
    /// </summary>
    public BankResolution Resolve(string? bankId, string? defaultId = null)
    {
        var wanted = string.IsNullOrWhiteSpace(bankId) ? defaultId : bankId.Trim();
        var banks = _banks;
        var ids = banks.Keys.Order(StringComparer.Ordinal).ToList();
        if (wanted is not null)
        {
            return new BankResolution(banks.GetValueOrDefault(wanted), wanted, ids);
        }
        return new BankResolution(banks.Count == 1 ? banks.Values.Single() : null, null, ids);
    }

    /// <summary>
    /// Loads every bank under <paramref name="root"/>. A folder that holds <c>bank.yaml</c> itself is read as a single bank.
    /// </summary>
    /// <exception cref="RubricLoadException">Any bank has a problem, or the folder holds no bank.</exception>
    public static BankCatalog Load(string root)
    {
        var (banks, problems) = LoadAll(root);
        return problems.Count > 0 ? throw new RubricLoadException(problems) : new BankCatalog(root, banks);
    }

    /// <summary>Loads every bank under <paramref name="root"/>, collecting every problem instead of throwing.</summary>
    public static (IReadOnlyList<QuestionBank> Banks, IReadOnlyList<RubricProblem> Problems) LoadAll(string root)
    {
        if (!Directory.Exists(root))
        {
            return ([], [new RubricProblem(root, 1, "folder not found")]);
        }

        var bankFolders = File.Exists(Path.Combine(root, BankLoader.BankFileName))
            ? [root]
            : Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToArray();
        if (bankFolders.Length == 0)
        {
            return ([], [new RubricProblem(root, 1, $"no bank found: expected sub-folders with a {BankLoader.BankFileName}")]);
        }

        var banks = new List<QuestionBank>();
        var problems = new List<RubricProblem>();
        foreach (var folder in bankFolders)
        {
            var result = BankLoader.Load(folder);
            problems.AddRange(result.Problems);
            if (result.Bank is { } bank)
            {
                banks.Add(bank);
            }
        }
        return (banks, problems);
    }
}
