using System.Text.RegularExpressions;

namespace Interviewer.Llm;

/// <summary>
/// Instructions to a grader in Russian (run on <see cref="InjectionGuard.CyrillicView"/>, where Cyrillic words keep their
/// letters) and in Chinese, simplified and traditional (run on the folded text: ideographs are left as they are). Both accept the
/// English words that mixed-language orders borrow ("игнорируй previous instructions", "忽略之前的instructions").
/// </summary>
internal static partial class InjectionPatterns
{
    // Within one sentence, Chinese full stop included.
    private const string ZhStop = @"[^.!?\n。]";

    private const string RuInstructions =
        @"(инструкци\w*|указани\w*|правил\w*|критери\w*|рубрик\w*|промпт\w*|предписани\w*|всё (вышесказанное|сказанное|выше)|все (выше|предыдущ\w*)|" +
        @"instructions?|rules|rubric|prompt)";

    private const string RuGraderWords = @"проверяющ\w*|экзаменатор\w*|оценщик\w*|проверяльщик\w*|ассесор\w*|асессор\w*|грейдер\w*|grader";

    private const string RuGrader = "(" + RuGraderWords + ")";

    private const string RuCovered = @"(раскрыт\w*|покрыт\w*|засчитан\w*|учтен\w*|освещен\w*|covered)";

    private const string ZhInstructions =
        @"(指令|指示|说明|說明|规则|規則|提示词|提示詞|提示|评分标准|評分標準|标准|標準|要求|以上|上面|之前|先前|前面|instructions?|rules|rubric|prompt)";

    private const string ZhCovered = @"(覆盖|覆蓋|涵盖|涵蓋|满足|滿足|达到|達到|答对|答對|通过|通過|完成|covered)";

    private const string ZhFullMarks = @"(满分|滿分|最高分|最高的分|100\s*分|一百分|full marks?)";

    public static Regex[] Russian { get; } =
        [RuIgnore(), RuPreviousInstructions(), RuGradeOrder(), RuTopMark(), RuStatusDemand(), RuEveryPointCovered(), RuRolePlay(), RuAddressesTheGrader(), RuMetaClaim(), RuSystemTerms()];

    /// <summary>A Russian or Chinese turn of a chat or an interview transcript, written by the candidate (Russian on the Cyrillic view).</summary>
    public static Regex[] RussianToEnd { get; } = [RuRoleTag()];

    public static Regex[] ChineseToEnd { get; } = [ZhRoleTag()];

    public static Regex[] Chinese { get; } =
        [ZhIgnore(), ZhPreviousInstructions(), ZhGradeOrder(), ZhStatusDemand(), ZhEveryPointCovered(), ZhRolePlay(), ZhAddressesTheGrader(), ZhSystemTerms()];

    [GeneratedRegex(@"\b(игнорир\w*|проигнорир\w*|забудь\w*|забуд\w*|отбрось\w*|пренебреги\w*|не (обращай|учитывай|следуй|соблюдай)\w*)\b" + Stop + @"{0,80}?\b" + RuInstructions,
        RegexOptions.CultureInvariant)]
    private static partial Regex RuIgnore();

    // "Предыдущие инструкции", "указания больше не действуют": instructions the answer cannot have been given.
    [GeneratedRegex(@"\b(инструкци\w*|указани\w*|правил\w*|критери\w*)\s+(\w+\s+){0,2}(не действу\w*|не применя\w*|отмен\w*|недействительн\w*|утратил\w*|не име\w* силы)|" +
        @"\b(предыдущ\w*|прежн\w*|изначальн\w*|вышеуказанн\w*|previous)\s+(инструкци\w*|указани\w*|правил\w*|критери\w*|instructions?)",
        RegexOptions.CultureInvariant)]
    private static partial Regex RuPreviousInstructions();

    [GeneratedRegex(@"\b(поставь\w*|поставить|дай|дайте|выстав\w*|присво\w*|начисли\w*|оцени|оцените|засчитай\w*|give (me|it|this))\b" + Stop +
        @"{0,40}?(\b(максимальн\w*|высш\w*|наивысш\w*|полн\w*)\s+(балл\w*|оценк\w*|отметк\w*)|\b(отлично|пят[её]рк\w*|full marks|maximum)\b|\b100\b|\b10\s*(/|из)\s*10\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex RuGradeOrder();

    // "Максимальный балл", "оценка: 10/10": a mark, not a model's "наивысшая оценка F1".
    [GeneratedRegex(@"\b(максимальн\w*|наивысш\w*|высш\w*|полн\w*)\s+балл\w*|\b10 баллов из 10\b|\b100 баллов из 100\b|\b(оценк\w*|балл\w*|отметк\w*)\s*[:=]\s*(100|10\s*(/|из)\s*10)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex RuTopMark();

    [GeneratedRegex(@"\b(отметь\w*|пометь\w*|помечай\w*|считай\w*|засчитай\w*|признай\w*|mark|treat)\b" + Stop + @"{0,50}?\b(все|всё|каждый|каждого|каждую|all|every)\b" + Stop + @"{0,50}?\b(" + RuCovered + @"|выполнен\w*)",
        RegexOptions.CultureInvariant)]
    private static partial Regex RuStatusDemand();

    [GeneratedRegex(@"\b(каждый|все|всех|любой)\s+(\w+\s+)?(пункт\w*|тезис\w*|ключев\w* момент\w*|key points?)\b" + Stop + @"{0,60}?\b" + RuCovered, RegexOptions.CultureInvariant)]
    private static partial Regex RuEveryPointCovered();

    [GeneratedRegex(@"\b(ты|вы)\s+(теперь|сейчас|отныне)?\s*(\w+\s+){0,2}(" + RuGraderWords + @"|преподавател\w*|учител\w*|ассистент\w*)|\b(представь\w*|вообрази\w*),? что (ты|вы)\b|\bпритворись\w*|" +
        @"\b(с этого момента|отныне|впредь),?\s+(ты|вы|твоя|ваша|отвечай|оценивай|ставь)\b|\b(ролев\w* игр\w*|режим разработчика|jailbreak)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex RuRolePlay();

    [GeneratedRegex(@"\b(примечани\w*|заметк\w*|сообщени\w*|инструкци\w*|указани\w*|внимание|обращение)\s+(для|к)\s+(\w+\s+)?" + RuGrader + @"|" +
        @"\b(уважаем\w*|дорог\w*)\s+" + RuGrader + @"|\b(автоматическ\w*|ии)[- ]" + RuGrader + @"|" + RuGrader + @"\s+(ии|модель)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex RuAddressesTheGrader();

    [GeneratedRegex(@"\b(этот|мой|данный)\s+ответ\s+(уже\s+)?(раскрывает|покрывает|охватывает|содержит|заслуживает|выполняет|удовлетворяет|освещает)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RuMetaClaim();

    [GeneratedRegex(@"\b(системн\w*\s+(промпт\w*|инструкци\w*|сообщени\w*)|нов\w*\s+инструкци\w*|скрыт\w*\s+инструкци\w*|обновл\w*\s+инструкци\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex RuSystemTerms();

    [GeneratedRegex(@"(忽略|忽视|忽視|无视|無視|忘记|忘記|忘掉|不要理会|不要理會|不要遵守|不要遵循|不用管|别管|別管|跳过|跳過|放弃|放棄|ignore)" + ZhStop + @"{0,20}?" + ZhInstructions,
        RegexOptions.CultureInvariant)]
    private static partial Regex ZhIgnore();

    // "之前的指令", "规则不再适用": instructions the answer cannot have been given.
    [GeneratedRegex(@"(指令|指示|规则|規則|评分标准|評分標準|要求)" + ZhStop + @"{0,6}?(不再适用|不再適用|不再有效|已经?失效|已經?失效|无效|無效|作废|作廢|取消)|" +
        @"(之前|先前|以前|上面|前面|以上|原来|原來)的?(所有)?(指令|指示|规则|規則|提示词|提示詞|评分标准|評分標準|instructions?)", RegexOptions.CultureInvariant)]
    private static partial Regex ZhPreviousInstructions();

    // "给出最高分", "给我满分", "打100分"; "十分" alone means "very" and is not a mark.
    [GeneratedRegex(@"(给|給|打|评|評|判|give)" + ZhStop + @"{0,12}?" + ZhFullMarks + @"|(满分|滿分)(评价|評價|处理|處理|通过|通過)|(评分|評分|分数|分數|得分|成绩|成績)\s*:\s*(100|满分|滿分|10\s*/\s*10)|(评分|評分|分数|分數|成绩|成績)" + ZhStop + @"{0,8}?(设为|設為|定为|定為|为|為|是)\s*" + ZhFullMarks,
        RegexOptions.CultureInvariant)]
    private static partial Regex ZhGradeOrder();

    [GeneratedRegex(@"(标记|標記|标为|標為|标注|標註|视为|視為|当作|當作|当成|當成|算作|认定|認定|判定|评为|評為|看作|mark|treat)" + ZhStop + @"{0,20}?(覆盖|覆蓋|涵盖|涵蓋|答对|答對|满分|滿分|covered)",
        RegexOptions.CultureInvariant)]
    private static partial Regex ZhStatusDemand();

    [GeneratedRegex(@"(所有|每个|每個|每一个|每一個|全部|各个|各個|每项|每項)" + ZhStop + @"{0,6}?(要点|要點|评分点|評分點|得分点|得分點|关键点|關鍵點|评分项|評分項|key points?)" + ZhStop + @"{0,15}?(已|都|均|全)" + ZhStop + @"{0,4}?" + ZhCovered,
        RegexOptions.CultureInvariant)]
    private static partial Regex ZhEveryPointCovered();

    [GeneratedRegex(@"(你现在是|你現在是|你是一个|你是一個|你是一名|假装你是|假裝你是|想象你是|想像你是|扮演|角色扮演|开发者模式|開發者模式)" + ZhStop + @"{0,15}?(评分|評分|阅卷|閱卷|考官|老师|老師|评委|評委|助手|grader|ai)|" +
        @"(从现在开始|從現在開始|从现在起|從現在起|从此以后|從此以後)[,\s]*(你|您|请|請)", RegexOptions.CultureInvariant)]
    private static partial Regex ZhRolePlay();

    [GeneratedRegex(@"(评分员|評分員|阅卷人|閱卷人|阅卷老师|閱卷老師|评分者|評分者|评卷人|評卷人|考官|评分老师|評分老師|自动评分系统|自動評分系統|ai\s*评分|ai\s*評分|致评分|致評分)", RegexOptions.CultureInvariant)]
    private static partial Regex ZhAddressesTheGrader();

    [GeneratedRegex(@"(系统提示|系統提示|系统指令|系統指令|系统消息|系統消息|新的?指令(?!集)|隐藏的?指令|隱藏的?指令|本回答已|这个回答已|這個回答已|我的回答已)", RegexOptions.CultureInvariant)]
    private static partial Regex ZhSystemTerms();

    [GeneratedRegex(@"(^|\n)[ \t>*#\-\[(]*(система|ассистент\w*|экзаменатор\w*|проверяющ\w*|оценщик\w*|интервьюер\w*|собеседующ\w*|рекрутер\w*)[\])*]*\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex RuRoleTag();

    [GeneratedRegex(@"(^|\n)[ \t>*#\-\[(]*(系统|系統|助手|面试官|面試官|考官|评分员|評分員|阅卷人|閱卷人|招聘官|招聘人员|招聘人員|人工智能)[\])*]*\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex ZhRoleTag();
}
