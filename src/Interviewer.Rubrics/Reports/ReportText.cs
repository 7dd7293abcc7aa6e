using System.Globalization;

namespace Interviewer.Rubrics.Reports;

/// <summary>
/// The words and number format of the HTML and Markdown batch reports, in the bank's language (Spanish for a bank in
/// Spanish, English otherwise), so that a report's labels match the questions and answers it shows.
/// </summary>
internal sealed class ReportText
{
    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        ["title"] = "Batch grading report",
        ["bank"] = "Bank",
        ["grader"] = "grader",
        ["summary"] = "Summary",
        ["rows"] = "Rows",
        ["graded"] = "Graded",
        ["failed"] = "Failed",
        ["mean"] = "Mean score",
        ["median"] = "Median score",
        ["lowestHighest"] = "Lowest / highest",
        ["lowest"] = "Lowest",
        ["highest"] = "Highest",
        ["degraded"] = "Degraded",
        ["flagged"] = "Flagged",
        ["time"] = "Time",
        ["distribution"] = "Score distribution",
        ["distributionLabel"] = "Graded answers per score band",
        ["band"] = "Band",
        ["answers"] = "Answers",
        ["score"] = "Score",
        ["byQuestion"] = "By question",
        ["question"] = "Question",
        ["text"] = "Text",
        ["byCandidate"] = "By candidate",
        ["candidate"] = "Candidate",
        ["answersGraded"] = "Answers graded",
        ["noCandidate"] = "No candidate given",
        ["gradedAnswers"] = "Graded answers",
        ["line"] = "Line",
        ["lineOf"] = "line {0}",
        ["id"] = "Id",
        ["keyPoints"] = "Key points",
        ["flags"] = "Flags",
        ["degradedMark"] = "degraded",
        ["onlyFirst"] = "Only the first {0} graded answers are shown; {1} more are counted in the summary. The CSV and JSON reports have every row.",
        ["covered"] = "covered",
        ["partial"] = "partial",
        ["missing"] = "missing",
        ["followUp"] = "Follow-up",
        ["notGraded"] = "Rows not graded",
        ["error"] = "Error",
        ["moreErrors"] = "{0} more rows were not graded; the CSV and JSON reports list them all.",
    };

    private static readonly Dictionary<string, string> Spanish = new(StringComparer.Ordinal)
    {
        ["title"] = "Informe de corrección por lotes",
        ["bank"] = "Banco",
        ["grader"] = "corrector",
        ["summary"] = "Resumen",
        ["rows"] = "Filas",
        ["graded"] = "Corregidas",
        ["failed"] = "Con error",
        ["mean"] = "Puntuación media",
        ["median"] = "Mediana",
        ["lowestHighest"] = "Mínima / máxima",
        ["lowest"] = "Mínima",
        ["highest"] = "Máxima",
        ["degraded"] = "Degradadas",
        ["flagged"] = "Con avisos",
        ["time"] = "Tiempo",
        ["distribution"] = "Distribución de puntuaciones",
        ["distributionLabel"] = "Respuestas corregidas por tramo de puntuación",
        ["band"] = "Tramo",
        ["answers"] = "Respuestas",
        ["score"] = "Puntuación",
        ["byQuestion"] = "Por pregunta",
        ["question"] = "Pregunta",
        ["text"] = "Texto",
        ["byCandidate"] = "Por candidato",
        ["candidate"] = "Candidato",
        ["answersGraded"] = "Respuestas corregidas",
        ["noCandidate"] = "Sin candidato",
        ["gradedAnswers"] = "Respuestas corregidas",
        ["line"] = "Línea",
        ["lineOf"] = "línea {0}",
        ["id"] = "Id",
        ["keyPoints"] = "Puntos clave",
        ["flags"] = "Avisos",
        ["degradedMark"] = "degradada",
        ["onlyFirst"] = "Solo se muestran las {0} primeras respuestas corregidas; otras {1} cuentan en el resumen. Los informes CSV y JSON tienen todas las filas.",
        ["covered"] = "cubierto",
        ["partial"] = "en parte",
        ["missing"] = "falta",
        ["followUp"] = "Pregunta de seguimiento",
        ["notGraded"] = "Filas sin corregir",
        ["error"] = "Error",
        ["moreErrors"] = "Otras {0} filas no se corrigieron; los informes CSV y JSON las tienen todas.",
    };

    private readonly Dictionary<string, string> _words;

    private ReportText(string language, Dictionary<string, string> words, CultureInfo culture)
    {
        Language = language;
        _words = words;
        Culture = culture;
    }

    /// <summary>The report's language tag (<c>es</c> or <c>en</c>).</summary>
    public string Language { get; }

    /// <summary>How numbers are written in the report.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The words for a bank's language: Spanish for <c>es</c> (any region), English otherwise.</summary>
    public static ReportText For(string? bankLanguage) =>
        (bankLanguage ?? string.Empty).Split('-', '_')[0].Equals("es", StringComparison.OrdinalIgnoreCase)
            ? new ReportText("es", Spanish, CultureInfo.GetCultureInfo("es-ES"))
            : new ReportText("en", English, CultureInfo.InvariantCulture);

    public string this[string key] => _words[key];

    public string Format(string key, params object[] args) => string.Format(Culture, _words[key], args);

    public string Number(int value) => value.ToString("N0", Culture);

    public string Score(double? value) => value?.ToString("0.#", Culture) ?? "—";

    /// <summary>How long grading took: milliseconds under a second, never a bare "0 s".</summary>
    public string Elapsed(double seconds) => seconds switch
    {
        < 0.001 => "< 1 ms",
        < 1 => (seconds * 1000).ToString("0", Culture) + " ms",
        _ => seconds.ToString("0.##", Culture) + " s",
    };
}
