using System.CommandLine;
using System.Text.Json;
using Interviewer.Import;
using Interviewer.Import.Reading;
using Interviewer.Import.Review;
using Interviewer.Rubrics;
using Interviewer.Rubrics.Drafting;
using Interviewer.Rubrics.Loading;
using Spectre.Console;

namespace Interviewer.Cli.Commands;

/// <summary><c>interviewer import DOCUMENT</c>: an interview guide becomes a draft bank and a review report.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var document = new Argument<FileInfo>("DOCUMENT") { Description = "The interview guide: .txt, .md, .html, .docx or .pdf." };
        var outOption = new Option<DirectoryInfo?>("--out", "-o") { Description = "The bank folder to write (bank.yaml + questions/). Default: ./ID." };
        var idOption = new Option<string?>("--id") { Description = "The bank's id. Default: the --out folder's name, else the document's file name as a slug." };
        var titleOption = new Option<string?>("--title") { Description = "The bank's title. Default: the document's title, else its file name." };
        var languageOption = new Option<string?>("--language") { Description = "The bank's language (es, en). Default: guessed from the questions and answers." };
        languageOption.AcceptOnlyFromAmong("es", "en");
        var format = CommonOptions.Format("Review report format", "table", "json");
        var force = new Option<bool>("--force") { Description = "Replace the bank in --out if the folder already holds one." };
        var refine = new Option<bool>("--refine")
        {
            Description = "Ask the configured LLM (Interviewer:Llm:*) to propose each question's key points with Spanish and English phrases; " +
                "a proposal is kept only if it validates, else the draft stays and the report says why.",
        };
        var command = new Command("import",
            "Import an interview guide (sections of questions, each with what it evaluates and an example answer) as a draft bank: " +
            "sections become categories, questions keep their text and order, key points are drafted from each answer. " +
            "Prints a review report: what was found per question, how sure the importer is, and what to check. " +
            "Exit codes: 0 the bank was written and validates; 1 the drafted bank was written but does not validate; 2 usage or input error " +
            "(document not found, not readable, no question in it; --out holds something else, or a bank and no --force; --refine with no LLM configured).")
        {
            document, outOption, idOption, titleOption, languageOption, format, force, refine,
        };
        command.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(document)!;
            if (!file.Exists)
            {
                result.Error().WriteLine($"error: {file.FullName} not found.");
                return 2;
            }
            await using var graders = result.GetValue(refine) ? GraderFactory.TryCreate(result) : null;
            if (result.GetValue(refine) && graders?.Refiner is null)
            {
                if (graders is not null)
                {
                    result.Error().WriteLine("error: --refine needs an LLM: set Interviewer:Llm:Provider (with its Endpoint and Model or Deployment) " +
                        "in interviewer.json or as Interviewer__Llm__Provider; see docs/llm.md.");
                }
                return 2;
            }
            var outDirectory = result.GetValue(outOption);
            var options = new ImportOptions
            {
                Id = result.GetValue(idOption) ?? outDirectory?.Name,
                Title = result.GetValue(titleOption),
                Language = result.GetValue(languageOption),
            };
            GuideImport import;
            try
            {
                import = GuideImporter.ImportFile(file.FullName, options);
            }
            catch (GuideImportException e)
            {
                result.Error().WriteLine($"error: {file.Name}: {e.Message}");
                return 2;
            }

            if (graders?.Refiner is { } refiner)
            {
                result.Error().WriteLine($"refining {import.Bank.Questions.Count} question(s) with the model…");
                var refinement = await refiner.RefineAsync(import.Bank, ct);
                import = GuideImporter.WithRefinedBank(import, refinement.Bank,
                    refinement.Questions.ToDictionary(q => q.QuestionId, q => new RefinementReview(q.Refined, q.Reason)));
            }

            var folder = outDirectory?.FullName ?? CliEnvironment.Current.Resolve(import.Bank.Id);
            if (!TryClear(result, folder, result.GetValue(force)))
            {
                return 2;
            }
            var written = RubricWriter.WriteBank(folder, import.Bank);
            var json = result.GetValue(format) == "json";
            if (json)
            {
                result.Out().WriteLine(JsonSerializer.Serialize(new ImportedBank(import.Bank, import.Report) { SavedTo = folder }, InterviewerJson.Indented));
            }
            else
            {
                ReviewTable.Write(CliOutput.Console(result.Out()), import.Report);
            }
            foreach (var problem in import.Report.Problems)
            {
                result.Error().WriteLine(problem);
            }
            var summary = json ? result.Error() : result.Out();
            summary.WriteLine($"{written.Count} file(s) written into {folder}; review them, then run 'interviewer validate {folder}'.");
            return import.Report.Valid ? 0 : 1;
        });
        return command;
    }

    /// <summary>Refuses to write over a folder that holds something, unless --force and it holds a bank (whose files are then removed).</summary>
    private static bool TryClear(ParseResult result, string folder, bool force)
    {
        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return true;
        }
        if (!File.Exists(Path.Combine(folder, BankLoader.BankFileName)))
        {
            result.Error().WriteLine($"error: {folder} exists and is not a bank folder; choose another --out.");
            return false;
        }
        if (!force)
        {
            result.Error().WriteLine($"error: {folder} already holds a bank; use --force to replace it, or choose another --out.");
            return false;
        }
        File.Delete(Path.Combine(folder, BankLoader.BankFileName));
        var questions = Path.Combine(folder, BankLoader.QuestionsFolderName);
        if (Directory.Exists(questions))
        {
            foreach (var yaml in Directory.GetFiles(questions, "*.yaml"))
            {
                File.Delete(yaml);
            }
        }
        return true;
    }
}
