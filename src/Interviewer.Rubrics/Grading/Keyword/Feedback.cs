using System.Text;

namespace Interviewer.Rubrics.Grading.Keyword;

/// <summary>Short feedback in the bank's language: what was covered, what is partly there, what is missing.</summary>
internal static class Feedback
{
    private const int MaxListed = 3;

    public static string Write(IReadOnlyList<KeyPointGrade> grades, IReadOnlyList<string> flags, bool spanish)
    {
        var text = new StringBuilder(256);
        foreach (var flag in flags)
        {
            var note = (flag, spanish) switch
            {
                (GradeFlags.Empty, true) => "La respuesta está vacía.",
                (GradeFlags.Empty, false) => "The answer is empty.",
                (GradeFlags.KeywordStuffing, true) => "La respuesta parece una lista de términos: explica las ideas con frases completas.",
                (GradeFlags.KeywordStuffing, false) => "The answer reads as a list of terms: explain the ideas in full sentences.",
                (GradeFlags.TooShort, true) => "La respuesta es demasiado breve para mostrar comprensión.",
                (GradeFlags.TooShort, false) => "The answer is too short to show understanding.",
                _ => null,
            };
            if (note is not null)
            {
                Append(text, note);
            }
        }

        var covered = 0;
        foreach (var grade in grades)
        {
            if (grade.Status == KeyPointStatus.Covered)
            {
                covered++;
            }
        }
        if (grades.Count > 0 && covered == grades.Count)
        {
            Append(text, spanish ? "Cubre todos los puntos clave." : "Covers every key point.");
            return text.ToString();
        }
        Append(text, spanish
            ? $"Cubre {covered} de {grades.Count} puntos clave."
            : $"Covers {covered} of {grades.Count} key points.");
        List(text, grades, KeyPointStatus.Covered, spanish ? "Bien" : "Covered", spanish);
        List(text, grades, KeyPointStatus.Partial, spanish ? "A medias" : "Partly", spanish);
        List(text, grades, KeyPointStatus.Missing, spanish ? "Falta" : "Missing", spanish);
        return text.ToString();
    }

    private static void List(StringBuilder text, IReadOnlyList<KeyPointGrade> grades, KeyPointStatus status, string label, bool spanish)
    {
        var listed = 0;
        var more = 0;
        foreach (var grade in grades)
        {
            if (grade.Status != status)
            {
                continue;
            }
            // The key points themselves are in the grade; the feedback names a few so it stays readable.
            if (listed == MaxListed)
            {
                more++;
                continue;
            }
            text.Append(listed == 0 ? $" {label}: " : "; ");
            text.Append(grade.Text.AsSpan().TrimEnd().TrimEnd('.'));
            listed++;
        }
        if (more > 0)
        {
            text.Append(spanish ? $"; y {more} más" : $"; and {more} more");
        }
        if (listed > 0)
        {
            text.Append('.');
        }
    }

    private static void Append(StringBuilder text, string sentence)
    {
        if (text.Length > 0)
        {
            text.Append(' ');
        }
        text.Append(sentence);
    }
}
