using System.Globalization;
using Interviewer.Rubrics.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Interviewer.Rubrics.Loading;

/// <summary>
/// Loads a bank from its folder: <c>bank.yaml</c> plus one <c>questions/&lt;id&gt;.yaml</c> per question, and the
/// scored answers in <c>exemplars/&lt;id&gt;.jsonl</c> (<see cref="ExemplarLoader"/>).
/// Loading never half-succeeds: either the whole bank, or every problem found and no bank.
/// </summary>
public static class BankLoader
{
    /// <summary>The name of the file that describes a bank.</summary>
    public const string BankFileName = "bank.yaml";

    /// <summary>The folder, inside a bank's folder, that holds one file per question.</summary>
    public const string QuestionsFolderName = "questions";

    /// <summary>Loads the bank in <paramref name="bankDirectory"/>, collecting every problem.</summary>
    public static BankLoadResult Load(string bankDirectory)
    {
        var problems = new List<RubricProblem>();
        var bankFile = Path.Combine(bankDirectory, BankFileName);
        if (!File.Exists(bankFile))
        {
            problems.Add(new RubricProblem(bankFile, 1, $"{BankFileName} is missing: every bank folder needs one"));
            return new BankLoadResult(null, problems);
        }

        var header = ReadBankFile(bankFile, problems);
        var questionsFolder = Path.Combine(bankDirectory, QuestionsFolderName);
        var questionFiles = Directory.Exists(questionsFolder)
            ? Directory.GetFiles(questionsFolder, "*.yaml").Order(StringComparer.Ordinal).ToArray()
            : [];
        if (questionFiles.Length == 0)
        {
            problems.Add(new RubricProblem(bankFile, 1, $"the bank has no questions: add files under {QuestionsFolderName}/"));
        }

        var questions = new List<(Question Question, double Order)>();
        foreach (var file in questionFiles)
        {
            if (ReadQuestionFile(file, header?.Categories ?? [], problems) is { } read)
            {
                questions.Add(read);
            }
        }

        ReportDuplicateIds(questions.Select(q => q.Question), problems);
        var exemplars = ExemplarLoader.Read(bankDirectory, questions.Select(q => q.Question.Id).ToHashSet(StringComparer.Ordinal), problems);
        if (header is null || problems.Count > 0)
        {
            return new BankLoadResult(null, problems);
        }

        for (var i = 0; i < questions.Count; i++)
        {
            if (exemplars.TryGetValue(questions[i].Question.Id, out var list))
            {
                questions[i] = (questions[i].Question with { Exemplars = list }, questions[i].Order);
            }
        }
        var ordered = OrderByCategory(questions, header.Categories);
        return new BankLoadResult(header with { Questions = ordered }, problems);
    }

    /// <summary>Loads the bank in <paramref name="bankDirectory"/> or throws with every problem found.</summary>
    /// <exception cref="RubricLoadException">The bank has at least one problem.</exception>
    public static QuestionBank LoadOrThrow(string bankDirectory)
    {
        var result = Load(bankDirectory);
        return result.Succeeded ? result.Bank! : throw new RubricLoadException(result.Problems);
    }

    private static QuestionBank? ReadBankFile(string file, List<RubricProblem> problems)
    {
        if (ParseMapping(file, problems) is not { } root)
        {
            return null;
        }

        var before = problems.Count;
        var reader = new YamlMappingReader(root, file, problems);
        var id = reader.RequiredString("id", "bank");
        var title = reader.RequiredString("title", "bank");
        var language = reader.RequiredString("language", "bank");
        var version = reader.OptionalNumber("version");
        if (version is null || version < 1 || version != Math.Floor(version.Value))
        {
            reader.Problem(reader.LineOf("version"), "bank: 'version' must be a whole number of at least 1");
        }

        var folderName = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)));
        if (id.Length > 0 && !string.Equals(id, folderName, StringComparison.Ordinal))
        {
            reader.Problem(reader.LineOf("id"), $"bank: id '{id}' must match its folder name '{folderName}'");
        }

        var categories = new List<Category>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        if (reader.Sequence("categories", "bank", required: true) is { } sequence)
        {
            foreach (var item in sequence)
            {
                if (item is not YamlMappingNode mapping)
                {
                    reader.Problem(YamlMappingReader.LineOf(item), "category: must be a mapping with 'id' and 'title'");
                    continue;
                }
                var categoryReader = new YamlMappingReader(mapping, file, problems);
                var categoryId = categoryReader.RequiredString("id", "category");
                var categoryTitle = categoryReader.RequiredString("title", "category");
                var inDefaultPlan = categoryReader.OptionalBoolean("in_default_plan") ?? true;
                categoryReader.RejectUnknownKeys("category");
                if (categoryId.Length > 0 && !seen.TryAdd(categoryId, categoryReader.Line))
                {
                    categoryReader.Problem(categoryReader.Line, $"duplicate category id '{categoryId}' (first defined at line {seen[categoryId]})");
                }
                categories.Add(new Category(categoryId, categoryTitle, inDefaultPlan));
            }
            if (sequence.Children.Count == 0)
            {
                reader.Problem(YamlMappingReader.LineOf(sequence), "bank: 'categories' is empty");
            }
        }
        reader.RejectUnknownKeys("bank");

        return problems.Count > before
            ? null
            : new QuestionBank(id, title, language, (int)version!.Value, categories, []);
    }

    private static (Question Question, double Order)? ReadQuestionFile(string file, IReadOnlyList<Category> categories, List<RubricProblem> problems)
    {
        if (ParseMapping(file, problems) is not { } root)
        {
            return null;
        }

        var before = problems.Count;
        var reader = new YamlMappingReader(root, file, problems);
        var id = reader.RequiredString("id", "question");
        var category = reader.RequiredString("category", "question");
        var text = reader.RequiredString("question", "question");
        var evaluates = reader.RequiredString("evaluates", "question");
        var modelAnswer = reader.RequiredString("model_answer", "question");
        var order = reader.OptionalNumber("order") ?? double.MaxValue;

        var expectedId = Path.GetFileNameWithoutExtension(file);
        if (id.Length > 0 && !string.Equals(id, expectedId, StringComparison.Ordinal))
        {
            reader.Problem(reader.LineOf("id"), $"question: id '{id}' must match its file name '{expectedId}.yaml'");
        }
        if (category.Length > 0 && categories.Count > 0 && !categories.Any(c => c.Id == category))
        {
            reader.Problem(reader.LineOf("category"),
                $"question: unknown category '{category}' (bank.yaml defines: {string.Join(", ", categories.Select(c => c.Id))})");
        }

        var keyPoints = new List<KeyPoint>();
        if (reader.Sequence("key_points", "question", required: true) is { } sequence)
        {
            if (sequence.Children.Count == 0)
            {
                reader.Problem(YamlMappingReader.LineOf(sequence), "question: 'key_points' is empty: a question needs at least one key point");
            }
            foreach (var item in sequence)
            {
                if (item is not YamlMappingNode mapping)
                {
                    reader.Problem(YamlMappingReader.LineOf(item), "key point: must be a mapping with id, text, weight, concepts and follow_up");
                    continue;
                }
                if (ReadKeyPoint(mapping, file, problems) is { } keyPoint)
                {
                    keyPoints.Add(keyPoint);
                }
            }
        }
        reader.RejectUnknownKeys("question");

        return problems.Count > before
            ? null
            : (new Question(id, category, text, evaluates, modelAnswer, keyPoints) { Source = new SourceLocation(file, reader.Line) }, order);
    }

    private static KeyPoint? ReadKeyPoint(YamlMappingNode node, string file, List<RubricProblem> problems)
    {
        var before = problems.Count;
        var reader = new YamlMappingReader(node, file, problems);
        var id = reader.RequiredString("id", "key point");
        var what = id.Length > 0 ? $"key point '{id}'" : "key point";
        var text = reader.RequiredString("text", what);
        var followUp = reader.RequiredString("follow_up", what);
        var weight = reader.OptionalNumber("weight") ?? 1;
        if (weight <= 0 || double.IsNaN(weight) || double.IsInfinity(weight))
        {
            reader.Problem(reader.LineOf("weight"), $"{what}: weight must be greater than 0 (found {weight.ToString(CultureInfo.InvariantCulture)})");
        }

        var concepts = new List<Concept>();
        var sequence = reader.Sequence("concepts", what, required: true);
        if (sequence is not null && sequence.Children.Count == 0)
        {
            reader.Problem(YamlMappingReader.LineOf(sequence), $"{what}: has no concepts: list at least one");
        }
        foreach (var item in sequence?.Children ?? [])
        {
            if (ReadConcept(item, what, reader) is { } concept)
            {
                concepts.Add(concept with { Source = new SourceLocation(file, YamlMappingReader.LineOf(item)) });
            }
        }
        reader.RejectUnknownKeys(what);

        return problems.Count > before
            ? null
            : new KeyPoint(id, text, weight, concepts, followUp) { Source = new SourceLocation(file, reader.Line) };
    }

    private static Concept? ReadConcept(YamlNode node, string what, YamlMappingReader reader)
    {
        var line = YamlMappingReader.LineOf(node);
        IEnumerable<YamlNode> items = node switch
        {
            YamlSequenceNode sequence => sequence.Children,
            YamlScalarNode scalar => [scalar],
            _ => [],
        };
        var phrases = new List<string>();
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            {
                phrases.Add(value.Trim());
            }
            else
            {
                reader.Problem(YamlMappingReader.LineOf(item), $"{what}: empty phrase in a concept");
                return null;
            }
        }
        if (phrases.Count == 0)
        {
            reader.Problem(line, $"{what}: a concept must be a list of one or more phrases");
            return null;
        }
        return new Concept(phrases);
    }

    private static void ReportDuplicateIds(IEnumerable<Question> questions, List<RubricProblem> problems)
    {
        var questionIds = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var keyPointIds = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            if (!questionIds.TryAdd(question.Id, question.Source!))
            {
                problems.Add(new RubricProblem(question.Source!.File, question.Source.Line,
                    $"duplicate question id '{question.Id}' (also at {questionIds[question.Id]})"));
            }
            foreach (var keyPoint in question.KeyPoints)
            {
                if (!keyPointIds.TryAdd(keyPoint.Id, keyPoint.Source!))
                {
                    problems.Add(new RubricProblem(keyPoint.Source!.File, keyPoint.Source.Line,
                        $"duplicate key point id '{keyPoint.Id}' (also at {keyPointIds[keyPoint.Id]})"));
                }
            }
        }
    }

    private static List<Question> OrderByCategory(List<(Question Question, double Order)> questions, IReadOnlyList<Category> categories)
    {
        // Files are read in name order; the bank presents them by category, then by their optional 'order' (document order).
        var rank = categories.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return questions
            .OrderBy(q => rank[q.Question.Category])
            .ThenBy(q => q.Order)
            .Select(q => q.Question)
            .ToList();
    }

    private static YamlMappingNode? ParseMapping(string file, List<RubricProblem> problems)
    {
        try
        {
            using var reader = new StreamReader(file);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0)
            {
                problems.Add(new RubricProblem(file, 1, "the file is empty"));
                return null;
            }
            if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                problems.Add(new RubricProblem(file, YamlMappingReader.LineOf(stream.Documents[0].RootNode), "the file must hold a mapping (key: value lines)"));
                return null;
            }
            return mapping;
        }
        catch (YamlException e)
        {
            problems.Add(new RubricProblem(file, (int)Math.Max(1, e.Start.Line), $"malformed YAML: {e.Message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up on some inputs without a position: find the last line it could read.
            problems.Add(new RubricProblem(file, LastReadableLine(file), "malformed YAML: the parser could not read past this line"));
            return null;
        }
    }

    private static int LastReadableLine(string file)
    {
        var line = 1L;
        try
        {
            var scanner = new Scanner(new StringReader(File.ReadAllText(file)));
            while (scanner.MoveNext())
            {
                line = scanner.Current?.End.Line ?? line;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Expected: the scan stops where the text becomes unreadable.
        }
        return (int)Math.Max(1, line);
    }
}
