using System.Globalization;
using Interviewer.Import.Parsing;
using Interviewer.Rubrics.Drafting;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Model;

namespace Interviewer.Import.Review;

/// <summary>Builds the review report of an import.</summary>
internal static class ReviewReport
{
    /// <summary>An answer with fewer words than this is "very short".</summary>
    internal const int ShortAnswerWords = 15;

    /// <summary>An answer that covers at least this share of another question's words...</summary>
    internal const double OtherQuestionCoverage = 0.6;

    /// <summary>...and less than this share of its own question's words may be that other question's.</summary>
    internal const double OwnQuestionCoverage = 0.3;

    /// <param name="guide">What the parser found.</param>
    /// <param name="drafted">The questions that were drafted, in the bank's question order.</param>
    /// <param name="bank">The drafted bank.</param>
    /// <param name="problems">The bank's validation problems.</param>
    public static ImportReport Build(ParsedGuide guide, IReadOnlyList<ParsedQuestion> drafted, QuestionBank bank, IReadOnlyList<string> problems)
    {
        var ids = new Dictionary<ParsedQuestion, Question>(ReferenceEqualityComparer.Instance);
        // The bank holds the drafted questions in the order they were drafted (document order, grouped by section).
        for (var i = 0; i < drafted.Count && i < bank.Questions.Count; i++)
        {
            ids[drafted[i]] = bank.Questions[i];
        }
        var lookalikes = LookAlikes(drafted, bank.Language);

        var sections = new List<SectionReview>();
        var questions = new List<QuestionReview>();
        foreach (var section in guide.Sections)
        {
            var title = section.Title ?? (bank.Language == "es" ? "Preguntas" : "Questions");
            var category = section.Questions.Select(q => ids.GetValueOrDefault(q)?.Category).FirstOrDefault(c => c is not null);
            sections.Add(new SectionReview(title, category, section.Location, section.Questions.Count));
            foreach (var question in section.Questions)
            {
                var bankQuestion = ids.GetValueOrDefault(question);
                var warnings = Warnings(question, bankQuestion, lookalikes.GetValueOrDefault(question) is { } other ? ids.GetValueOrDefault(other) : null, bank.Language);
                questions.Add(new QuestionReview(questions.Count + 1, bankQuestion?.Id, question.Text, title, question.Location,
                    question.Description is not null, question.AnswerSource, Words(question.Answer), question.ListItems, question.TableRows,
                    bankQuestion?.KeyPoints.Count ?? 0, ConfidenceOf(question, warnings), warnings, question.Skipped));
            }
        }
        return new ImportReport(guide.Format, guide.Title, questions.Count, bank.Questions.Count, sections, questions, guide.Skipped, problems);
    }

    private static List<ReviewWarning> Warnings(ParsedQuestion question, Question? drafted, Question? lookalike, string language)
    {
        var spanish = language == "es";
        var warnings = new List<ReviewWarning>();
        if (question.AnswerSource == AnswerSource.None)
        {
            warnings.Add(new ReviewWarning(ReviewWarning.NoAnswer, spanish
                ? "Sin respuesta: la pregunta no está en el banco; añade una respuesta al documento o escríbela en el banco."
                : "No answer: the question is not in the bank; add an answer to the document or write it into the bank."));
        }
        if (question.Description is null)
        {
            warnings.Add(new ReviewWarning(ReviewWarning.NoDescription, spanish
                ? "Sin descripción: escribe qué evalúa la pregunta («evaluates»)."
                : "No description: write what the question evaluates ('evaluates')."));
        }
        var words = Words(question.Answer);
        if (question.AnswerSource != AnswerSource.None && words < ShortAnswerWords)
        {
            warnings.Add(new ReviewWarning(ReviewWarning.ShortAnswer, spanish
                ? $"Respuesta muy corta ({words} palabras): pocos puntos clave, fáciles de cubrir por casualidad."
                : $"Very short answer ({words} words): few key points, easy to cover by chance."));
        }
        if (lookalike is not null && drafted is not null)
        {
            warnings.Add(new ReviewWarning(ReviewWarning.AnswerLooksLikeOtherQuestion, spanish
                ? $"La respuesta habla más de «{lookalike.Text}» ({lookalike.Id}) que de su propia pregunta: comprueba que no estén cruzadas."
                : $"The answer speaks more of \"{lookalike.Text}\" ({lookalike.Id}) than of its own question: check they are not swapped.")
            {
                OtherQuestionId = lookalike.Id,
            });
        }
        return warnings;
    }

    private static string ConfidenceOf(ParsedQuestion question, List<ReviewWarning> warnings)
    {
        if (warnings.Any(w => w.Code is ReviewWarning.NoAnswer or ReviewWarning.ShortAnswer or ReviewWarning.AnswerLooksLikeOtherQuestion))
        {
            return Confidence.Low;
        }
        return warnings.Count > 0 || question.AnswerSource != AnswerSource.Label ? Confidence.Medium : Confidence.High;
    }

    /// <summary>
    /// For each answer, the other question whose words it covers well when it hardly covers its own question's: each
    /// question's words become a one-key-point rubric (drafted as any other), and every answer is graded against every one.
    /// </summary>
    private static Dictionary<ParsedQuestion, ParsedQuestion> LookAlikes(IReadOnlyList<ParsedQuestion> questions, string language)
    {
        var result = new Dictionary<ParsedQuestion, ParsedQuestion>(ReferenceEqualityComparer.Instance);
        if (questions.Count < 2)
        {
            return result;
        }
        var drafter = new RubricDrafter();
        var topics = questions.Select((q, i) => drafter.Draft(new DraftSource(q.Text, q.Text)
        {
            Id = "q" + i.ToString(CultureInfo.InvariantCulture),
            Language = language,
        })).ToList();
        var bank = new QuestionBank("topics", "topics", language, 1, [new Category(RubricDrafter.DraftedCategory, RubricDrafter.DraftedCategory)], topics);
        var grader = new KeywordGrader();
        for (var a = 0; a < questions.Count; a++)
        {
            var coverage = topics.Select(topic => Coverage(grader.Grade(new GradeRequest(bank, topic, questions[a].Answer)))).ToList();
            var best = Enumerable.Range(0, topics.Count).Where(t => t != a).MaxBy(t => coverage[t]);
            if (coverage[best] >= OtherQuestionCoverage && coverage[a] < OwnQuestionCoverage)
            {
                result[questions[a]] = questions[best];
            }
        }
        return result;
    }

    private static double Coverage(GradeResult grade) => grade.KeyPoints.Count == 0 ? 0 : grade.KeyPoints.Average(k => k.Coverage);

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}
