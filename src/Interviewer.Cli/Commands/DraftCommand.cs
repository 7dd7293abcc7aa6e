using System.CommandLine;
using Interviewer.Rubrics.Drafting;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Tabular;

namespace Interviewer.Cli.Commands;

/// <summary><c>interviewer draft INPUT --out DIR</c>: drafts rubric files from questions with reference answers.</summary>
internal static class DraftCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("INPUT") { Description = "Questions with reference answers, CSV (header row) or JSON Lines: question, reference_answer (or model_answer), question_id?, category?." };
        var outOption = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "The bank folder to write (bank.yaml + questions/); its name is the bank's id. Default: ./drafted.",
            DefaultValueFactory = _ => new DirectoryInfo("drafted"),
        };
        var titleOption = new Option<string?>("--title") { Description = "The bank's title. Default: the folder's name." };
        var languageOption = new Option<string?>("--language") { Description = "The bank's language (es, en). Default: guessed from the reference answers." };
        languageOption.AcceptOnlyFromAmong("es", "en");
        var command = new Command("draft", "Draft rubric files from questions and reference answers: each sentence becomes a key point, its content words concepts. Review the drafts before use.")
        {
            input, outOption, titleOption, languageOption,
        };
        command.SetAction(result =>
        {
            var file = result.GetValue(input)!;
            if (!file.Exists)
            {
                result.Error().WriteLine($"error: {file.FullName} not found.");
                return 2;
            }
            var sources = ReadSources(result, file);
            if (sources.Count == 0)
            {
                result.Error().WriteLine("error: no question with a reference answer to draft from.");
                return 2;
            }

            var language = result.GetValue(languageOption)
                ?? RubricDrafter.DetectLanguage(string.Join(' ', sources.Select(s => s.ReferenceAnswer)));
            var questions = new RubricDrafter().DraftAll(sources.Select(s => s with { Language = s.Language ?? language }));

            var directory = result.GetValue(outOption)!;
            var title = result.GetValue(titleOption) ?? directory.Name;
            var written = RubricWriter.WriteBank(directory.FullName, title, language, questions);
            result.Out().WriteLine($"drafted {questions.Count} question(s), {questions.Sum(q => q.KeyPoints.Count)} key point(s) into {directory.FullName}");

            // Read the drafts back as 'validate' would: a draft that does not load is a bug here, not in the input.
            var loaded = BankLoader.Load(directory.FullName);
            foreach (var problem in loaded.Problems)
            {
                result.Error().WriteLine(problem);
            }
            if (!loaded.Succeeded)
            {
                return 1;
            }
            foreach (var problem in RubricQualityChecks.Check(loaded.Bank!))
            {
                result.Error().WriteLine($"warning: {problem}");
            }
            result.Out().WriteLine($"{written.Count} file(s) written; review them, then run 'interviewer validate {directory.FullName}'.");
            return 0;
        });
        return command;
    }

    private static List<DraftSource> ReadSources(ParseResult result, FileInfo file)
    {
        var sources = new List<DraftSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var reader = file.OpenText();
        foreach (var row in TabularReader.Read(reader, TabularReader.DetectFormat(file.FullName, reader)))
        {
            if (row.Error is not null)
            {
                result.Error().WriteLine($"{file.Name}:{row.Line}: {row.Error}");
                continue;
            }
            var question = row.Get("question")?.Trim();
            var reference = (row.Get("reference_answer") ?? row.Get("model_answer"))?.Trim();
            if (question is null || reference is null)
            {
                result.Error().WriteLine($"{file.Name}:{row.Line}: {(question is null ? "no question" : "no reference_answer (or model_answer)")}: row left out");
                continue;
            }
            var id = row.Get("question_id")?.Trim() ?? row.Get("id")?.Trim();
            // Calibration files repeat a question on every answer's row: draft it once.
            if (seen.Add(id ?? question))
            {
                sources.Add(new DraftSource(question, reference) { Id = id, Category = row.Get("category")?.Trim() });
            }
        }
        return sources;
    }
}
