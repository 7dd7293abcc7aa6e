using System.Text.RegularExpressions;
using Interviewer.Rubrics.Text;

namespace Interviewer.Import.Parsing;

/// <summary>
/// Text that is not part of a question or its answer: image captions ("… Imagen del autor.", "Figure 2: …"), calls to action
/// (a sentence that sends the reader to a course or a guide) and page furniture ("Share this article", "All rights reserved").
/// </summary>
internal static partial class Boilerplate
{
    private const int MaxCaptionLength = 250;
    private const int MaxFurnitureLength = 120;

    public static bool IsCaption(string text) => text.Length <= MaxCaptionLength && CaptionPattern().IsMatch(TextFolding.Fold(text));

    public static bool IsFurniture(string text) => text.Length <= MaxFurnitureLength && FurniturePattern().IsMatch(TextFolding.Fold(text));

    /// <summary>
    /// Splits a paragraph at its first call to action: the sentences before it are kept, it and the rest of the paragraph
    /// (the sales pitch that follows it) are removed. Returns the paragraph unchanged and null when it has none.
    /// </summary>
    public static (string Kept, string? Removed) CutCallToAction(string paragraph)
    {
        var sentences = QuestionShape.Sentences(paragraph);
        for (var i = 0; i < sentences.Count; i++)
        {
            var folded = TextFolding.Fold(sentences[i]);
            if (ResourcePattern().IsMatch(folded) && InvitationPattern().IsMatch(folded))
            {
                return (string.Join(" ", sentences.Take(i)), string.Join(" ", sentences.Skip(i)));
            }
        }
        return (paragraph, null);
    }

    [GeneratedRegex(@"(?:^|[.!?]\s+)(?:imagen|image|foto|photo|ilustracion|illustration|grafico|diagrama|diagram|captura)\s+(?:del\s+autor|de\s+la\s+autora|by|por|created|creada|creado|generada|generated|cortesia|courtesy|from|de\s+pantalla)\b|^(?:figura|figure|fig\.|imagen|image|ilustracion|illustration|tabla|table)\s*\d+\s*[:.\-–]|^(?:fuente|source|credito|credit)\s*:")]
    private static partial Regex CaptionPattern();

    [GeneratedRegex(@"^(?:compartir|comparte|share|suscribete|subscribe|siguenos|follow\s+us|todos\s+los\s+derechos|all\s+rights\s+reserved|copyright|©|deja\s+un\s+comentario|leave\s+a\s+comment|tabla\s+de\s+contenidos?|table\s+of\s+contents|indice$|contents$|articulos\s+relacionados|related\s+(?:articles|posts)|leer\s+mas|read\s+more|publicado\s+el|published\s+on|actualizado\s+el|updated\s+on)")]
    private static partial Regex FurniturePattern();

    [GeneratedRegex(@"\b(?:curso|cursos|guia|guias|tutorial|tutoriales|programa|track|webinar|seminario\s+web|course|courses|guide|guides|tutorials|cheat\s+sheet|hoja\s+de\s+referencia|newsletter|boletin|ebook|certificacion|certification)\b")]
    private static partial Regex ResourcePattern();

    [GeneratedRegex(@"\b(?:consulta|consultar|dirigete|realiza|inscribete|apuntate|registrate|descubre|echa\s+un\s+vistazo|te\s+preparara|te\s+permitira|te\s+hara|ponerte\s+al\s+dia|check\s+out|take\s+(?:the|our|this|a)|enroll|sign\s+up|head\s+(?:over\s+)?to|get\s+you\s+up\s+to\s+speed|will\s+prepare\s+you|learn\s+more|read\s+more|read\s+our|subscribe|suscribete|descarga|download|start\s+learning|empieza|comienza)\b")]
    private static partial Regex InvitationPattern();
}
