using System.Text.RegularExpressions;

namespace Interviewer.Llm;

/// <summary>
/// What an instruction to a grader looks like, in Spanish, English, French, Portuguese, Italian and German. The patterns run
/// on folded text (<see cref="InjectionGuard.Fold"/>): lower case, no accents, look-alike letters made Latin.
/// </summary>
internal static partial class InjectionPatterns
{
    // Within one sentence.
    private const string Stop = @"[^.!?\n]";

    private const string Instructions =
        @"(instruc\w*|consignes?|istruzion\w*|indicacion\w*|indicazion\w*|anweisung\w*|vorgaben?|orientac\w*|rules|guidance|reglas|regles|regras|regole|regeln|" +
        @"rubric\w*|rubrique|prompts?|criteri\w*|criteres|kriterien|guidelines|directri\w*|directives|richtlinien|bewertungs\w*)";

    private const string Grader =
        @"(evaluador\w*|corrector\w*|examinador\w*|grader|evaluator|examiner|correcteur|correctrice|evaluateur|examinateur|correttore|valutatore|" +
        @"esaminatore|prufer\w*|korrektor\w*|bewerter\w*|avaliador\w*|corretor\w*)";

    private const string GradeNoun =
        @"(nota|notas|puntuacion|puntaje|calificacion|valoracion|score|grade|marks?|rating|note|notation|voto|punteggio|valutazione|bewertung|" +
        @"punktzahl|pontuacao|avaliacao|classificacao)";

    private const string Covered =
        @"(covered|cubiert\w*|couvert\w*|copert\w*|abgedeckt|erfullt|cobert\w*|satisf\w*|cumplid\w*|met|atendid\w*|soddisfatt\w*|rempli\w*)";

    public static Regex[] Sentence { get; } =
    [
        Override(), PreviousInstructions(), GradeDemand(), GradeDemandReversed(), GradeOrder(), Superlative(), StatusDemand(),
        MarkAsCovered(), AllKeyPoints(), EveryPointCovered(), RolePlay(), YouAreTheGrader(), IfYouAreAnAi(), AsTheGrader(), SayThat(),
        MetaClaim(), AddressesTheGrader(), AutomaticGrader(), SystemTerms(),
    ];

    public static Regex[] ToEnd { get; } = [RoleTag(), ChatTemplateTag(), FakeDelimiter(), FakeAnswerEnd()];

    public static Regex[] MatchOnly { get; } = [HtmlComment(), HiddenElement(), HiddenStyle()];

    [GeneratedRegex(@"\b(ignor\w*|olvida\w*|olviden|forget|disregard|override|bypass|omit[ea]\w*|salta(te)?|no (sigas|hagas caso|tengas en cuenta)|" +
        @"oublie[rz]?|ne (tiens|tenez) pas compte|dimentica\w*|trascura\w*|non (seguire|tenere conto)|vergiss|vergessen|missacht\w*|uberspring\w*|" +
        @"beachte\w* nicht|esquec\w*|desconsider\w*)\b" + Stop + @"{0,80}?\b(" + Instructions +
        @"|todo lo (anterior|dicho|de arriba)|lo anterior|tout ce qui precede|everything above|tutto (quello|cio) che precede|alles (vorherige|obige|bisherige)|tudo (o que|acima))",
        RegexOptions.CultureInvariant)]
    private static partial Regex Override();

    // "Las indicaciones previas ya no aplican", "les consignes précédentes", "the previous instructions": instructions the answer cannot have been given.
    [GeneratedRegex(@"\b" + Instructions + @"\s+(previas|anteriores|previous|prior|earlier|above|precedentes|precedenti|previe|vorherigen|bisherigen|obigen|fruheren|de antes|d'avant|originales|originali)\b|" +
        @"\b(previous|prior|earlier|above|original|vorherigen|bisherigen|obigen|fruheren|precedenti|precedentes)\s+" + Instructions + @"\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex PreviousInstructions();

    [GeneratedRegex(@"\b(nota|puntuacion|puntaje|calificacion|score|grade|marks|note|voto|punteggio|punktzahl|pontuacao)\s*[:=]\s*(100|cien|cent|cento|hundert|cem|10\s*/\s*10|20\s*/\s*20)\b|" +
        @"\b(nota|puntuacion|puntaje|calificacion)\s+(maxima|perfecta|de 100|de cien|de diez|de 10)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GradeDemand();

    [GeneratedRegex(@"\b(full|maximum|perfect|maxima|maximo|perfecta|volle|hochste|maximale)\s+(marks|score|grade|nota|puntuacion|calificacion|puntaje|punktzahl|punkte|note|bewertung)\b|\bhighest (marks?|grade)\b|" +
        @"\b(note|notes|nota|punteggio|voto|pontuacao|puntuacion|calificacion|valoracion|valutazione|bewertung)\s+(maximale?|maxima|massim[oa]|parfaite|perfett[oa]|perfeita|hochste)\b|" +
        @"\b(bestnote|hochstnote|hochstpunktzahl|20\s*/\s*20|100\s*/\s*100)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GradeDemandReversed();

    [GeneratedRegex(@"\b(pon|ponme|ponle|pongan|dame|dale|asignale|asigname|otorgale|otorgame|calificame|calificala|puntuame|puntuala|apruebame|give (me|it|this|us)|award (me|it|this)|assign (me|it|this)|pass me|" +
        @"donne[rz]?|donnez|mets|mettez|accorde[rz]?|attribue[rz]?|attribuez|dammi|dagli|dategli|assegna\w*|attribuisci|metti|gib|geben sie|vergib|vergeben sie|erteile\w*|de-me|da-me|atribua|atribui|coloque|ponha)\b" +
        Stop + @"{0,40}?(\b(100|cien|cent|cento|hundert|cem|diez|dix|dieci|zehn|dez|sobresaliente|matricula|full|maxim\w*|massim\w*|perfect\w*|parfait\w*|aprobad\w*|volle|hochste\w*|la plus (haute|elevee)|la meilleure|piu alt[oa]|mais alta|mas alta)\b|\b(10\s*/\s*10|20\s*/\s*20))",
        RegexOptions.CultureInvariant)]
    private static partial Regex GradeOrder();

    // "La valoración final es la más alta posible", "la note la plus haute": a grade at its top.
    [GeneratedRegex(@"\b" + GradeNoun + @"\b" + Stop + @"{0,40}?\b(mas alta posible|maxima posible|highest possible|maximum possible|best possible|la plus (haute|elevee)|" +
        @"piu alt[oa] possibile|massim[oa] possibile|hochstmoglich\w*|bestmoglich\w*|mais alta possivel|maxima possivel)\b|" +
        @"\b(la plus (haute|elevee)|la meilleure|la mas alta|la maxima|il massimo|la piu alta|die hochste|a mais alta|a maxima)\s+" + GradeNoun + @"\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Superlative();

    [GeneratedRegex(@"\b(mark|marca\w*|marque\w*|treat|trata(los|las|lo|la)?|considera\w*|considere\w*|declara\w*|count (them|it|all)|traite[rz]?|tratt\w*|segna\w*|markier\w*|bewerte\w*|werte\w*|behandl\w*)\b" +
        Stop + @"{0,50}?\b(all|every|each|everything|todo|todos|todas|cada|tout|tous|toutes|chaque|tutto|tutti|tutte|ogni|alles|alle|jeden|jede|jedes|tudo)\b" + Stop + @"{0,50}?\b" + Covered + @"\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex StatusDemand();

    [GeneratedRegex(@"\b(marca\w*|marque\w*|mark|set|pon|ponga|deja|considere\w*|considera\w*|segna\w*|markier\w*|bewerte\w*|werte\w*)\s+(\w+\s+){0,2}(como|as|comme|come|als)\s+" +
        @"(covered|cubiert\w*|couvert\w*|copert\w*|abgedeckt|erfullt|cobert\w*|complet\w*|present\w*|met|cumplid\w*|satisf\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MarkAsCovered();

    [GeneratedRegex(@"\b(como|as|comme|come|als)\s+(el\s+|la\s+|un\s+|una\s+|the\s+|an?\s+|le\s+|l'|il\s+|lo\s+|der\s+|die\s+|o\s+|a\s+)?" + Grader + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsTheGrader();

    [GeneratedRegex(@"\b(di|diga|digan|decid|responde|contesta|escribe|say|state|respond|output|reply|dis|dites|ecris|ecrivez|reponds|repondez|dici|scrivi|rispondi|sag|sagen sie|schreib|antworte|escreva|responda)\s+(que|that|qu'|che|dass)",
        RegexOptions.CultureInvariant)]
    private static partial Regex SayThat();

    [GeneratedRegex(@"\b(all|every|each|todos los|todas las|cada|tous les|toutes les|chaque|tutti i|ogni|alle|jeder|jede|todos os|todas as)\b" + Stop + @"{0,20}?\b(key ?points?|puntos? clave|points? cles?|punti chiave|kernpunkte|pontos? chave)\b|" +
        @"\b(key ?points?|puntos? clave|points? cles?|punti chiave|kernpunkte|pontos? chave)\b" + Stop + @"{0,30}?\b" + Covered + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex AllKeyPoints();

    // "Cada punto se valora como cubierto", "chaque point comme entièrement couvert", "jeder Punkt gilt als erfüllt".
    [GeneratedRegex(@"\b(every|each|all( the)?|cada|todos los|todas las|chaque|tous les|toutes les|ogni|tutti i|tutte le|jeder|jede|jedes|alle|todos os|todas as)\s+" +
        @"(points?|punto|puntos|punti|criteri\w*|criteres?|punkt|punkte|kriteri\w*|ponto|pontos|items?|apartados?)\b" + Stop + @"{0,60}?\b" + Covered + @"\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex EveryPointCovered();

    [GeneratedRegex(@"\b(you are now|you're now|pretend (to be|you are|that you)|finge (ser|que eres)|imagina que eres|imagine (you are|that you are)|let'?s play|juguemos|vamos a jugar|role-?play|juego de rol|developer mode|modo desarrollador|jailbreak|dan mode|" +
        @"tu es (maintenant|desormais)|fais semblant|joue le role|imagine que tu es|sei (ora|adesso)|fingi di essere|immagina di essere|gioco di ruolo|du bist (jetzt|nun|ab sofort)|tu so,? als|stell dir vor,? du bist|rollenspiel|" +
        @"voce (e agora|agora e)|finja (ser|que)|imagine que voce e)\b|" +
        @"\b(from now on|a partir de ahora|de ahora en adelante|a partir de maintenant|desormais|d'ora in poi|da ora in poi|ab jetzt|von nun an|ab sofort|a partir de agora|de agora em diante),?\s+" +
        @"(you|your|tu|eres|debes|vas a|ignora|responde|answer|grade|evalua|califica|vous|sei|devi|du|sie|voce|deve)\b|" +
        @"\b(act|actua|actuad|actue|agis|agissez|agisci|handle|agiere|aja|atue)\s+(as|como|comme|come|als)\s+((if|si|a|an|the|un|una|el|la|my|mi|le|il|ein|eine|o)\s+)?(\w+\s+)?(" + Grader + @"|teacher|profesor|professeur|professore|lehrer|professor|assistant|asistente|assistente|ai|ia|ki)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex RolePlay();

    [GeneratedRegex(@"\b(eres|sois|you are|you're|tu es|vous etes|sei|siete|du bist|sie sind|voce e)\s+(now\s+|ahora\s+|maintenant\s+|ora\s+|jetzt\s+|agora\s+)?((a|an|the|un|una|el|la|le|il|lo|ein|eine|der|die|o|um|uma)\s+)?(\w+\s+){0,2}(" + Grader + @"|profesor\w*|professeur|professore|lehrer|assistant|asistente|assistente)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex YouAreTheGrader();

    [GeneratedRegex(@"\b(si eres|if you are|if you're|si tu es|si vous etes|se sei|wenn du|falls du|se voce e)\s+(an?\s+|una?\s+|ein\s+|eine\s+)?(ia|ai|ki|llm|language model|modelo de lenguaje|modele de langage|modello linguistico|sprachmodell|chatbot|gpt|grader|evaluador)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex IfYouAreAnAi();

    [GeneratedRegex(@"\b(this|my|the) answer\s+(already\s+)?(covers?|mentions?|includes?|contains?|addresses|explains?|satisf\w*|meets|deserves|merits)\b|\b(this|my) response\s+(already\s+)?(covers?|mentions?|addresses|satisf\w*|meets|deserves|merits)\b|" +
        @"\b(esta|mi|la) respuesta\s+(ya\s+)?(cubre|menciona|incluye|contiene|aborda|explica|cumple|satisface|merece)\b|" +
        @"\b(cette|ma) reponse\s+(deja\s+)?(couvre|mentionne|inclut|contient|aborde|explique|satisfait|merite|remplit)\b|" +
        @"\b(questa|la mia) risposta\s+(gia\s+)?(copre|menziona|include|contiene|affronta|spiega|soddisfa|merita)\b|" +
        @"\b(diese|meine) antwort\s+(bereits\s+)?(deckt|erwahnt|enthalt|erklart|erfullt|verdient|behandelt)\b|" +
        @"\b(esta|minha|a minha) resposta\s+(ja\s+)?(cobre|menciona|inclui|contem|aborda|explica|satisfaz|merece|cumpre)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MetaClaim();

    [GeneratedRegex(@"\b(dear|querido|estimado|hola|hello|cher|chere|caro|cara|lieber|liebe|prezado|note (to|for)( the)?|nota (para|al|per)( el| la| il| o)?|note (au|pour)( le| la|l')?|notiz (an|fur)( den)?|attention|atencion|attenzione|achtung|" +
        @"mensaje (para|al)( el| la)?|message (au|pour)( le)?|messaggio (per|al)( il)?|nachricht (an|fur)( den)?|mensagem (para|ao)( o)?|consigne (pour|au|a)( le| la|l')?|istruzion\w* (per|al)( il)?|anweisung\w* (an|fur)( den)?|instruc\w* (para|al|ao|to|for)( el| la| o| the)?)\s*" +
        @"(the\s+|el\s+|la\s+|le\s+|l'|il\s+|den\s+|o\s+)?(" + Grader + @"|ia|ai|ki|llm|assistant|asistente|reviewer|revisor|relecteur|revisore)\b|" +
        @"\b(to|for) the (grader|evaluator|examiner)\b|\b(al|para el) (evaluador|corrector|examinador)\b|\b(au|pour le) (correcteur|evaluateur|examinateur)\b|\b(al|per il) (correttore|valutatore|esaminatore)\b|" +
        @"\b(an|fur) den (prufer|korrektor|bewerter)\b|\b(ao|para o) (avaliador|corretor|examinador)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex AddressesTheGrader();

    [GeneratedRegex(@"\b" + Grader + @"\s+(automatic\w*|automatique|automatico|automatischer?|ia|ai|ki|llm)\b|\b(automatic|automated|automatische[rn]?|ai|ki)\s+" + Grader + @"\b|\b(grading|scoring) (system|model|ai|bot)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex AutomaticGrader();

    [GeneratedRegex(@"\b(system prompt|prompt del sistema|instrucciones del sistema|system message|mensaje del sistema|new instructions|nuevas instrucciones|hidden instructions?|instrucciones ocultas|updated instructions|instrucciones actualizadas|" +
        @"instructions? (du )?systeme|prompt systeme|message systeme|nouvelles (consignes|instructions)|istruzioni di sistema|prompt di sistema|nuove istruzioni|systemanweisung\w*|system-?prompt|neue anweisungen|" +
        @"instrucoes do sistema|prompt do sistema|novas instrucoes)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SystemTerms();

    // A turn of a chat or of an interview transcript that the candidate wrote themselves.
    [GeneratedRegex(@"(^|\n)[ \t>*#\-\[(]*(system|assistant|developer|sistema|asistente|assistente|evaluador|grader|evaluator|examiner|examinador|interviewer|entrevistador\w*|recruiter|reclutador\w*|" +
        @"correcteur|evaluateur|intervieweur|recruteur|valutatore|intervistatore|selezionatore|prufer|bewerter|interviewer|avaliador|recrutador\w*|chatgpt|gpt|bot)[\])*]*\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex RoleTag();

    [GeneratedRegex(@"<\|[a-z_]+\|>|\[/?(inst|system|sys)\]|<</?sys>>|#{2,}\s*(instruction|instrucci\w*|consigne|istruzion\w*|anweisung\w*|system|sistema|systeme|assistant|asistente|verdict|veredicto)", RegexOptions.CultureInvariant)]
    private static partial Regex ChatTemplateTag();

    [GeneratedRegex(@"<<<\s*/?\s*(end|fin|answer|respuesta|system|sistema|instruc\w*|question|pregunta)|</?\s*(answer|respuesta|question|pregunta|system|instructions?|instrucciones|rubric\w*|prompt|candidate_answer|user|assistant|key_points)\b[^>]*>|\b(end|fin)\s*(of\s*)?(the\s*)?(answer|respuesta)\b[^\n]{0,20}>>>",
        RegexOptions.CultureInvariant)]
    private static partial Regex FakeDelimiter();

    [GeneratedRegex(@"\b(end of (the )?(candidate'?s? )?(answer|response)|end answer|fin de (la )?respuesta|final de la respuesta|answer ends here|la respuesta termina aqui|fin de la reponse|fine della risposta|ende der antwort|fim da resposta)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex FakeAnswerEnd();

    [GeneratedRegex(@"<!--[\s\S]*?(-->|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"<\s*(script|style|system|instructions?|prompt|iframe|template)\b[\s\S]*?(<\s*/\s*\1\s*>|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex HiddenElement();

    // An element a reader does not see: hidden, display:none, invisible or zero-size text.
    [GeneratedRegex(@"<\s*([a-z][a-z0-9]*)\b[^>]*\b(hidden|display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|opacity\s*:\s*0)[^>]*>[\s\S]*?(<\s*/\s*\1\s*>|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    // A verdict's keys: key points, a status with a verdict's value, a top score, or a chat message with a role. A config's "status": "FINISHED" is not one.
    [GeneratedRegex(@"[""'](key_?points|verdict|veredicto|instructions?|instrucciones)[""']\s*:|[""']status[""']\s*:\s*[""'](covered|partial|missing|cubierto|parcial|ausente)|[""'](score|puntuacion|nota|grade|note)[""']\s*:\s*[""']?(100|10)\b|[""']role[""']\s*:\s*[""'](system|assistant|developer)",
        RegexOptions.CultureInvariant)]
    public static partial Regex VerdictKey();

    // Base64 long enough to carry a sentence.
    [GeneratedRegex(@"[a-z0-9+/]{16,}={0,2}", RegexOptions.CultureInvariant)]
    public static partial Regex Base64Run();
}
