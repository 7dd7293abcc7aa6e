using Interviewer.Import.Parsing;
using Interviewer.Import.Reading;
using Interviewer.Import.Review;
using Interviewer.Rubrics.Drafting;
using Interviewer.Rubrics.Model;

namespace Interviewer.Import;

/// <summary>
/// Turns a guide into a draft bank: sections become categories (titled as in the document), questions keep their exact text
/// and order, each answer is drafted into key points by <see cref="RubricDrafter"/>, the document's description becomes
/// <c>evaluates</c>. The bank is written to files and read back as <c>validate</c> reads it, and the report says what to check.
/// </summary>
public static class GuideImporter
{
    /// <summary>Reads, parses, drafts and checks a guide.</summary>
    /// <exception cref="GuideImportException">The document cannot be read, or has no question with an answer.</exception>
    public static GuideImport Import(GuideDocument document, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        var guide = GuideParser.Parse(document);
        var found = guide.Questions.ToList();
        if (found.Count == 0)
        {
            throw new GuideImportException(
                "no question found: a question is a heading or a paragraph of its own that asks (\"¿…?\", \"…?\") or prompts " +
                "(\"Describe …\", \"Explain …\", \"Tell me about …\"), followed by its answer.");
        }
        if (found.All(q => q.AnswerSource == AnswerSource.None))
        {
            throw new GuideImportException($"{found.Count} question(s) found, but none has an answer to draft key points from.");
        }

        var language = options.Language ?? RubricDrafter.DetectLanguage(string.Join(" ", found.Select(q => q.Text + " " + q.Answer)));
        var spanish = language == "es";
        var fileTitle = string.IsNullOrWhiteSpace(options.FileName) ? null : Path.GetFileNameWithoutExtension(options.FileName);
        var title = options.Title ?? guide.Title ?? fileTitle ?? (spanish ? "Guía importada" : "Imported guide");
        var id = RubricDrafter.SafeId(options.Id ?? RubricDrafter.Slug(fileTitle ?? title));

        var categories = new List<Category>();
        var sources = new List<(ParsedQuestion Question, DraftSource Source)>();
        foreach (var section in guide.Sections)
        {
            var categoryTitle = section.Title ?? (spanish ? "Preguntas" : "Questions");
            var categoryId = RubricDrafter.Slug(categoryTitle);
            for (var n = 2; categories.Any(c => c.Id == categoryId); n++)
            {
                categoryId = $"{RubricDrafter.Slug(categoryTitle)}-{n}";
            }
            var drafted = section.Questions.Where(q => q.AnswerSource != AnswerSource.None).ToList();
            if (drafted.Count > 0)
            {
                categories.Add(new Category(categoryId, categoryTitle));
            }
            sources.AddRange(drafted.Select(q => (q, new DraftSource(q.Text, q.Answer) { Category = categoryId, Language = language })));
        }

        var questions = new RubricDrafter().DraftAll(sources.Select(s => s.Source))
            .Select((question, i) => sources[i].Question.Description is { } description ? question with { Evaluates = description } : question)
            .ToList();
        var draft = new QuestionBank(id, title, language, 1, categories, questions);
        var (bank, problems) = BankCheck.ReadBack(draft);
        var report = ReviewReport.Build(guide, sources.Select(s => s.Question).ToList(), bank ?? draft, problems);
        return new GuideImport(bank ?? draft, report, guide);
    }

    /// <summary>
    /// The import with <paramref name="bank"/> — its questions, some with other key points (an LLM's refinement) — in place of
    /// the draft: checked again as <c>validate</c> checks it, with each question's <paramref name="refinements"/> in the report.
    /// </summary>
    public static GuideImport WithRefinedBank(GuideImport import, QuestionBank bank, IReadOnlyDictionary<string, RefinementReview> refinements)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(refinements);
        var (checkedBank, problems) = BankCheck.ReadBack(bank);
        var drafted = import.Guide.Questions.Where(q => q.AnswerSource != AnswerSource.None).ToList();
        var report = ReviewReport.Build(import.Guide, drafted, checkedBank ?? bank, problems);
        report = report with
        {
            Questions = [.. report.Questions.Select(q => q.Id is { } id && refinements.TryGetValue(id, out var refinement) ? q with { Refinement = refinement } : q)],
        };
        return import with { Bank = checkedBank ?? bank, Report = report };
    }

    /// <summary>Reads a document file and imports it; the file name fills <see cref="ImportOptions.FileName"/>.</summary>
    /// <exception cref="GuideImportException">The file's type is not supported, or it cannot be imported.</exception>
    public static GuideImport ImportFile(string path, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Import(GuideReader.ReadFile(path), options with { FileName = options.FileName ?? Path.GetFileName(path) });
    }
}
