namespace Interviewer.Rubrics.Tests.Loading;

/// <summary>A bank folder written to a temporary directory from YAML strings, deleted on dispose.</summary>
internal sealed class TempBank : IDisposable
{
    public const string ValidBankYaml = """
        id: test-bank
        title: Test bank
        language: es
        version: 1
        categories:
          - { id: basics, title: Básicas }
          - { id: extra, title: Extra, in_default_plan: false }
        """;

    public const string ValidQuestionYaml = """
        id: drift
        category: basics
        question: ¿Qué es la deriva?
        evaluates: Conocimiento de la deriva.
        model_answer: La deriva degrada el modelo cuando cambian los datos.
        key_points:
          - id: drift-definition
            text: El rendimiento cae cuando los datos cambian.
            weight: 2
            concepts:
              - [deriva, drift]
              - [datos de producción, production data]
            follow_up: ¿Qué pasa cuando cambian los datos?
        """;

    public TempBank(string? bankYaml = ValidBankYaml, params (string Name, string Yaml)[] questions)
    {
        Root = TestRun.Folder("rubrics").FullName;
        Directory = Path.Combine(Root, "test-bank");
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "questions"));
        if (bankYaml is not null)
        {
            File.WriteAllText(Path.Combine(Directory, "bank.yaml"), bankYaml);
        }
        foreach (var (name, yaml) in questions.Length == 0 ? [("drift.yaml", ValidQuestionYaml)] : questions)
        {
            File.WriteAllText(Path.Combine(Directory, "questions", name), yaml);
        }
    }

    /// <summary>The rubrics root (holds the bank folder).</summary>
    public string Root { get; }

    /// <summary>The bank's folder.</summary>
    public string Directory { get; }

    public string QuestionFile(string name) => Path.Combine(Directory, "questions", name);

    /// <summary>Writes <c>exemplars/&lt;questionId&gt;.jsonl</c> with these lines and returns its path.</summary>
    public string WriteExemplars(string questionId, params string[] lines)
    {
        var folder = Path.Combine(Directory, "exemplars");
        System.IO.Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, questionId + ".jsonl");
        File.WriteAllText(file, string.Concat(lines.Select(l => l + "\n")));
        return file;
    }

    public void Dispose() => System.IO.Directory.Delete(Root, recursive: true);
}
