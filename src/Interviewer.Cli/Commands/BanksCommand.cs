using System.CommandLine;
using Spectre.Console;

namespace Interviewer.Cli.Commands;

/// <summary><c>interviewer banks</c>: the banks available.</summary>
internal static class BanksCommand
{
    public static Command Create()
    {
        var command = new Command("banks", "List the question banks: id, title, language, version, questions.");
        command.SetAction(result =>
        {
            if (BankCatalogLoader.TryLoad(result) is not { } catalog)
            {
                return 1;
            }
            var table = new Table().AddColumns("id", "title", "language", "version", "questions");
            foreach (var bank in catalog.Banks)
            {
                table.AddRow(Markup.Escape(bank.Id), Markup.Escape(bank.Title), bank.Language, bank.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    bank.Questions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            CliOutput.Console(result.Out()).Write(table);
            return 0;
        });
        return command;
    }
}
