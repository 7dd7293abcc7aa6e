using System.CommandLine;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;

namespace Interviewer.Cli.Commands;

/// <summary><c>interviewer validate [DIR]</c>: lints rubric files, exit 1 with <c>file:line: message</c> lines on stderr.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo?>("DIR")
        {
            Description = "A rubrics folder (one sub-folder per bank) or a single bank's folder. Default: --rubrics (or $INTERVIEWER_RUBRICS) when given, else ./rubrics when it exists, else the shipped banks.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("validate",
            "Check rubric files, then the rubrics themselves (each model answer must score at least 90 and match every concept of its own rubric; " +
            "no two key points of a question may share a phrase): every problem is printed as file:line: message on stderr, and the exit code is 1.") { directory };
        command.SetAction(result =>
        {
            var rubricsChosen = result.GetResult(CommonOptions.Rubrics) is { Implicit: false }
                || CliEnvironment.Current.Variable(CommonOptions.RubricsVariable) is not null;
            var localRubrics = CliEnvironment.Current.Resolve("rubrics");
            var root = result.GetValue(directory)?.FullName
                ?? (!rubricsChosen && Directory.Exists(localRubrics) ? localRubrics : result.GetValue(CommonOptions.Rubrics)!.FullName);
            var (banks, problems) = BankCatalog.LoadAll(root);
            foreach (var problem in problems)
            {
                result.Error().WriteLine(problem);
            }
            if (problems.Count > 0)
            {
                result.Error().WriteLine($"{problems.Count} problem(s) found in {root}.");
                return 1;
            }
            // The files load: now check the rubrics against the keyword grader (model answers, shared phrases).
            var quality = banks.SelectMany(bank => RubricQualityChecks.Check(bank)).ToList();
            foreach (var problem in quality)
            {
                result.Error().WriteLine(problem);
            }
            if (quality.Count > 0)
            {
                result.Error().WriteLine($"{quality.Count} rubric quality problem(s) found in {root}.");
                return 1;
            }
            foreach (var bank in banks)
            {
                result.Out().WriteLine($"{bank.Id} v{bank.Version}: {bank.Questions.Count} questions, {bank.Questions.Sum(q => q.KeyPoints.Count)} key points: ok");
            }
            return 0;
        });
        return command;
    }
}
