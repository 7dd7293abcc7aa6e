namespace Interviewer.Rubrics.Text;

/// <summary>
/// Spanish and English function words (articles, prepositions, pronouns, auxiliaries), folded.
/// Both lists apply to every text, since candidates mix the two languages.
/// </summary>
public static class StopWords
{
    // Snowball's Spanish list, minus "estado(s)" (a content word here: "estado del modelo") and, as in English,
    // quantifiers and order words, which carry meaning in technical answers ("solo una vez", "antes de desplegar").
    private const string SpanishList = """
        de la que el en y a los del se las por un para con no una su al lo como pero sus le ya o este si porque
        esta entre cuando muy sin sobre tambien me hasta hay donde quien desde nos durante uno les ni contra ese
        eso ante ellos e esto mi unos yo esa estos quienes nada cual ella estar estas algo nosotros mis tu te ti
        tus ellas nosotras vosotros vosotras os mio mia mios mias tuyo tuya tuyos tuyas suyo suya suyos suyas
        nuestro nuestra nuestros nuestras vuestro vuestra vuestros vuestras esos esas estoy estamos estais estan
        estes estemos esteis esten estare estaras estara estaremos estareis estaran estaria estarias estariamos
        estariais estarian estaba estabas estabamos estabais estaban estuve estuviste estuvo estuvimos
        estuvisteis estuvieron estuviera estuvieras estuvieramos estuvierais estuvieran estuviese estuvieses
        estuviesemos estuvieseis estuviesen estando estad he has ha hemos habeis han haya hayas hayamos hayais
        hayan habre habras habra habremos habreis habran habria habrias habriamos habriais habrian habia habias
        habiamos habiais habian hube hubiste hubo hubimos hubisteis hubieron hubiera hubieras hubieramos
        hubierais hubieran hubiese hubieses hubiesemos hubieseis hubiesen habiendo habido habida habidos habidas
        soy eres es somos sois son sea seas seamos seais sean sere seras sera seremos sereis seran seria serias
        seriamos seriais serian era eras eramos erais eran fui fuiste fue fuimos fuisteis fueron fuera fueras
        fueramos fuerais fueran fuese fueses fuesemos fueseis fuesen siendo sido tengo tienes tiene tenemos
        teneis tienen tenga tengas tengamos tengais tengan tendre tendras tendra tendremos tendreis tendran
        tendria tendrias tendriamos tendriais tendrian tenia tenias teniamos teniais tenian tuve tuviste tuvo
        tuvimos tuvisteis tuvieron tuviera tuvieras tuvieramos tuvierais tuvieran tuviese tuvieses tuviesemos
        tuvieseis tuviesen teniendo tenido tenida tenidos tenidas tened u sino aunque segun tras hacia asi
        cuales mediante luego entonces pues aun ademas cuyo cuya cuyos cuyas aquel aquella aquellos aquellas
        usted ustedes
        """;

    // Snowball's English list, minus particles that carry meaning in technical phrases ("scale out", "roll back"),
    // quantifiers and order words ("at least once", "all the dimensions", "before checking"): measured on short
    // technical answers, treating them as content words agrees better with human graders.
    private const string EnglishList = """
        i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
        herself it its itself they them their theirs themselves what which who whom this that these those am is
        are was were be been being have has had having do does did doing would should could ought i'm you're
        he's she's it's we're they're i've you've we've they've i'd you'd he'd she'd we'd they'd i'll you'll
        he'll she'll we'll they'll isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't
        wouldn't shan't shouldn't can't cannot couldn't mustn't let's that's who's what's here's there's when's
        where's why's how's a an the and but if or because as until while of at by for with about against
        between into through during to from in on again further then here there when where why how no nor not so
        too very can will just now also may might must shall etc via per within without upon
        """;

    private static readonly HashSet<string> Words = Build();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the folded word (see <see cref="TextFolding"/>) is a Spanish or English function word.</summary>
    public static bool Contains(ReadOnlySpan<char> foldedWord) => Lookup.Contains(foldedWord);

    /// <summary>True when the folded word is a Spanish function word (used to guess a text's language).</summary>
    internal static bool IsSpanish(string foldedWord) => SpanishOnly.Contains(foldedWord);

    /// <summary>True when the folded word is an English function word (used to guess a text's language).</summary>
    internal static bool IsEnglish(string foldedWord) => EnglishOnly.Contains(foldedWord);

    private static readonly HashSet<string> SpanishSet = Split(SpanishList);

    private static readonly HashSet<string> EnglishSet = Split(EnglishList);

    private static readonly HashSet<string> SpanishOnly = [.. SpanishSet.Except(EnglishSet)];

    private static readonly HashSet<string> EnglishOnly = [.. EnglishSet.Except(SpanishSet)];

    private static HashSet<string> Build()
    {
        var words = Split(SpanishList);
        words.UnionWith(Split(EnglishList));
        return words;
    }

    private static HashSet<string> Split(string list) =>
        new(list.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
