namespace Interviewer.Llm;

/// <summary>
/// Letters of other scripts that look like Latin letters, mapped to the Latin letter they imitate (lower case): the part of
/// the Unicode confusables skeleton (UTS #39, <c>confusables.txt</c>) that matters for reading Latin-script instructions.
/// </summary>
/// <remarks>
/// UTS #39's skeleton maps every character to a prototype; only its single-letter mappings from Cyrillic, Greek, Armenian and
/// Latin extensions onto the basic Latin letters are kept here, since the guard's patterns are written in
/// Latin letters. Full-width and mathematical letters need no table: compatibility decomposition (NFKD) already makes them
/// plain. Russian words are read again in Cyrillic (<see cref="InjectionGuard.CyrillicView"/>), where the reverse table
/// turns Latin look-alikes hidden in them back into Cyrillic.
/// </remarks>
internal static class Confusables
{
    private static readonly Dictionary<char, char> Map = Build(
        ("аАΑα", 'a'), ("ВΒЬь", 'b'), ("сСϲϹ", 'c'), ("ԁ", 'd'), ("еЕΕєϵ", 'e'), ("ɡցԍ", 'g'), ("һНΗհ", 'h'),
        ("іІӀӏιΙɩı", 'i'), ("јЈϳȷ", 'j'), ("КΚκ", 'k'), ("МΜ", 'm'), ("ոΝη", 'n'), ("оОοΟσօՕ", 'o'),
        ("рРρΡϱ", 'p'), ("ԛԚզ", 'q'), ("г", 'r'), ("ѕЅ", 's'), ("ТΤτ", 't'), ("υսՍ", 'u'), ("νѵѴ", 'v'),
        ("ԝԜѡ", 'w'), ("хХχΧ", 'x'), ("уУүҮγΥ", 'y'), ("Ζ", 'z'));

    // Latin letters that pass for Cyrillic ones inside a Russian word (lower case, as the folded text has them).
    private static readonly Dictionary<char, char> CyrillicMap = new()
    {
        ['a'] = 'а', ['b'] = 'в', ['c'] = 'с', ['e'] = 'е', ['h'] = 'н', ['k'] = 'к', ['m'] = 'м', ['o'] = 'о', ['p'] = 'р',
        ['r'] = 'г', ['t'] = 'т', ['u'] = 'и', ['x'] = 'х', ['y'] = 'у',
    };

    /// <summary>The Latin letter <paramref name="c"/> imitates, or null when it imitates none.</summary>
    public static char? Latin(char c) => Map.TryGetValue(c, out var latin) ? latin : null;

    /// <summary>The Cyrillic letter the lower-case Latin <paramref name="latin"/> passes for, or null.</summary>
    public static char? Cyrillic(char latin) => CyrillicMap.TryGetValue(latin, out var cyrillic) ? cyrillic : null;

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static Dictionary<char, char> Build(params (string Letters, char Latin)[] groups)
    {
        var map = new Dictionary<char, char>();
        foreach (var (letters, latin) in groups)
        {
            foreach (var letter in letters)
            {
                map.TryAdd(letter, latin);
            }
        }
        return map;
    }
}
