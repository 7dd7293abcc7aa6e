using System.Runtime.CompilerServices;
using Interviewer.Rubrics.Model;
using Interviewer.Rubrics.Text;

namespace Interviewer.Rubrics.Grading.Keyword;

/// <summary>
/// The deterministic, offline grader: finds each key point's concepts in the answer after normalisation, accent and
/// case folding, Spanish and English Snowball stemming, with multi-word phrases matched in order with small gaps and
/// one typo tolerated in long words. Explains every grade with evidence spans. Thread-safe: use one instance everywhere.
/// </summary>
/// <remarks>
/// Scoring: a key point's coverage is the share of its concepts found (a multi-word phrase found only in part earns
/// <see cref="KeywordGraderOptions.PartialPhraseCredit"/>); it is covered at <see cref="KeywordGraderOptions.CoveredThreshold"/>,
/// where it earns its full weight, and below earns (coverage / threshold) ^ <see cref="KeywordGraderOptions.CoverageExponent"/>
/// of it. The score is the weighted share of what the key points earn: it saturates, as human graders give full credit
/// for the idea before every word of the rubric appears.
/// </remarks>
public sealed class KeywordGrader : IAnswerGrader
{
    private const int StuffingMinWords = 8;
    private const int StuffingMinKeyPoints = 3;
    private const double StuffingEvidenceShare = 0.6;
    private const double StuffingProseListShare = 0.5;
    private const double StuffingProseFunctionShare = 0.12;
    private const double StuffingBareKeyPointShare = 0.75;

    private readonly ConditionalWeakTable<Question, CompiledQuestion> _compiled = [];
    private readonly TermCache _cache;
    private readonly ConditionalWeakTable<Question, CompiledQuestion>.CreateValueCallback _compile;

    /// <summary>Creates the grader with the default options.</summary>
    public KeywordGrader()
        : this(null)
    {
    }

    /// <summary>Creates the grader.</summary>
    /// <param name="options">Matching and scoring settings; null for <see cref="KeywordGraderOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public KeywordGrader(KeywordGraderOptions? options)
    {
        Options = options ?? KeywordGraderOptions.Default;
        Options.Validate();
        _cache = TermCache.Shared;
        _compile = question =>
        {
            var compiled = CompiledQuestion.Compile(question, _cache, Options.TypoMinLength);
            if (question.Exemplars.Count > 0)
            {
                compiled.Anchors = ExemplarAnchors.Build(question.Exemplars, answer => RubricScoreAndVector(compiled, answer));
            }
            return compiled;
        };
    }

    /// <summary>The settings in use.</summary>
    public KeywordGraderOptions Options { get; }

    /// <inheritdoc />
    public string Name => GraderNames.Keyword;

    /// <inheritdoc />
    public ValueTask<GradeResult> GradeAsync(GradeRequest request, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Grade(request));
    }

    /// <summary>Grades synchronously: the keyword grader does no I/O. Never throws for a bad answer: problems become flags.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public GradeResult Grade(GradeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Question);
        ArgumentNullException.ThrowIfNull(request.Bank);
        var compiled = Compile(request.Question);
        var answer = request.Answer ?? string.Empty;
        var spanish = IsSpanish(request.Bank);
        if (string.IsNullOrWhiteSpace(answer))
        {
            return Empty(request, compiled, spanish);
        }

        var (grades, flags, match) = RubricScore(compiled, answer);
        IReadOnlyList<GradeAnchor>? anchors = null;
        GradeAnchoring? anchoring = null;
        // A list of rubric terms is not compared with the team's answers: it would borrow the scores of answers that explain those terms.
        if (compiled.Anchors is { } exemplars && !flags.Contains(GradeFlags.KeywordStuffing))
        {
            anchoring = exemplars.Anchor(AnswerVector.Of(match.Tokens), out var used);
            anchors = used;
        }
        var followUp = FollowUpTarget(compiled, grades);
        return new GradeResult(
            request.Question.Id,
            Scoring.QuestionScore(request.Question, grades, anchoring),
            Name,
            Degraded: false,
            request.Bank.Ref,
            grades,
            followUp?.FollowUp,
            compiled.Feedback(grades, flags, spanish),
            flags)
        { Anchors = anchors, Anchoring = anchoring };
    }

    /// <summary>
    /// The key-point grades (with their credits) and flags of a non-blank answer; a list of rubric terms has its credits
    /// scaled down to the stuffing cap.
    /// </summary>
    private (KeyPointGrade[] Grades, List<string> Flags, AnswerMatch Match) RubricScore(CompiledQuestion compiled, string answer)
    {
        var match = AnswerMatch.For(compiled, answer);
        var grades = new KeyPointGrade[compiled.KeyPoints.Length];
        for (var k = 0; k < grades.Length; k++)
        {
            var keyPoint = compiled.KeyPoints[k];
            var (coverage, evidence) = MatchKeyPoint(match, keyPoint, answer);
            grades[k] = new KeyPointGrade(keyPoint.KeyPoint.Id, keyPoint.KeyPoint.Text, Status(coverage), Math.Round(coverage, 3), evidence)
            {
                Credit = Math.Round(Earned(coverage), 3),
            };
        }

        var flags = new List<string>(2);
        var graded = grades;
        if (IsKeywordStuffing(match, grades))
        {
            flags.Add(GradeFlags.KeywordStuffing);
            graded = [.. Scoring.Capped(compiled.Question, grades, Options.KeywordStuffingCap)];
        }
        if (match.Tokens.WordCount < Options.TooShortWords)
        {
            flags.Add(GradeFlags.TooShort);
        }
        return (graded, flags, match);
    }

    /// <summary>An exemplar's rubric score (0–1, as an answer would get it without exemplars) and word set.</summary>
    private (double Rubric, int[] Vector) RubricScoreAndVector(CompiledQuestion compiled, string answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return (0, []);
        }
        var (grades, _, match) = RubricScore(compiled, answer);
        return (Scoring.Score(compiled.Question, grades) / 100, AnswerVector.Of(match.Tokens).ToArray());
    }

    /// <summary>The question's compiled rubric, built once per question instance.</summary>
    internal CompiledQuestion Compile(Question question) => _compiled.GetValue(question, _compile);

    /// <summary>What a key point earns for its coverage: all of its weight from the covered threshold, a concave share below.</summary>
    internal double Earned(double coverage) => Math.Pow(Math.Min(1, coverage / Options.CoveredThreshold), Options.CoverageExponent);

    internal KeyPointStatus Status(double coverage) =>
        coverage >= Options.CoveredThreshold - 1e-9 ? KeyPointStatus.Covered
        : coverage > 0 ? KeyPointStatus.Partial
        : KeyPointStatus.Missing;

    private (double Coverage, IReadOnlyList<EvidenceSpan> Evidence) MatchKeyPoint(AnswerMatch match, CompiledKeyPoint keyPoint, string answer)
    {
        if (keyPoint.Concepts.Length == 0)
        {
            return (0, []);
        }
        List<(int Start, int End)>? spans = null;
        var credit = 0.0;
        foreach (var concept in keyPoint.Concepts)
        {
            credit += MatchConcept(match, concept, ref spans);
        }
        return (credit / keyPoint.Concepts.Length, ToEvidence(spans, answer));
    }

    /// <summary>1 when a phrase of the concept is found whole; partial credit when most of a multi-word phrase is; else 0.</summary>
    internal double MatchConcept(AnswerMatch match, CompiledConcept concept, ref List<(int Start, int End)>? spans)
    {
        foreach (var phrase in concept.Phrases)
        {
            if (phrase.Words.Length > 0 && match.TryFind(phrase.Words, Options.MaxGap, Options.MaxRawGap, out var first, out var last))
            {
                (spans ??= []).Add((match.Tokens[first].Start, match.Tokens[last].End));
                return 1;
            }
        }
        if (Options.PartialPhraseCredit <= 0)
        {
            return 0;
        }

        CompiledPhrase? best = null;
        var bestShare = 0.0;
        foreach (var phrase in concept.Phrases)
        {
            if (phrase.Words.Length < 2 || phrase.OnlyStopWords)
            {
                continue;
            }
            var found = 0;
            foreach (var word in phrase.Words)
            {
                if (!match.Postings(word).IsEmpty)
                {
                    found++;
                }
            }
            var share = (double)found / phrase.Words.Length;
            if (share > 0.5 && share > bestShare)
            {
                best = phrase;
                bestShare = share;
            }
        }
        if (best is null)
        {
            return 0;
        }
        foreach (var word in best.Words)
        {
            var postings = match.Postings(word);
            if (!postings.IsEmpty)
            {
                ref var token = ref match.Tokens[postings[0]];
                (spans ??= []).Add((token.Start, token.End));
            }
        }
        return Options.PartialPhraseCredit * bestShare;
    }

    private static IReadOnlyList<EvidenceSpan> ToEvidence(List<(int Start, int End)>? spans, string answer)
    {
        if (spans is null)
        {
            return [];
        }
        spans.Sort();
        var evidence = new List<EvidenceSpan>(spans.Count);
        var coveredTo = -1;
        foreach (var (start, end) in spans)
        {
            if (end <= coveredTo)
            {
                continue;
            }
            evidence.Add(new EvidenceSpan(start, end - start, answer.Substring(start, end - start)));
            coveredTo = end;
        }
        return evidence;
    }

    /// <summary>
    /// A list of rubric terms rather than sentences, touching several key points: most of its words are the rubric's
    /// phrases themselves and it is not prose (mostly list items of a few words, or few function words); or, in a longer answer, most content words hit the rubric and the text is list items of a
    /// few words with few function words, or has almost no function words at all.
    /// </summary>
    /// <remarks>
    /// An answer that touches one or two key points is never flagged: "Abstraction and reusability." can be exactly
    /// right, and a list that short cannot reach a high score anyway. Measured on the MLOps bank, the share of words
    /// inside evidence is at most 0.47 for sentences of model answers and at least 0.64 for lists of their phrases. Against a
    /// rubric drafted from it, a model answer's every content word is evidence (0.6–0.75 in dense English): hence the prose test.
    /// </remarks>
    private static bool IsKeywordStuffing(AnswerMatch match, KeyPointGrade[] grades)
    {
        var touched = 0;
        foreach (var grade in grades)
        {
            if (grade.Status != KeyPointStatus.Missing)
            {
                touched++;
            }
        }
        var tokens = match.Tokens;
        if (touched < StuffingMinKeyPoints)
        {
            return false;
        }
        // Neutral sentences around a list of terms add function words and prose, not mentions: judged by where the terms stand.
        if (BareKeyPoints(match, grades) is var bare && bare >= StuffingMinKeyPoints && bare >= StuffingBareKeyPointShare * touched)
        {
            return true;
        }
        if (match.MatchedWordCount < 3 || match.MatchedWordCount < 0.5 * match.ContentWordCount)
        {
            return false;
        }
        var functionShare = (double)tokens.StopWordCount / tokens.WordCount;
        var listShare = (double)tokens.ShortSegmentWordCount / tokens.WordCount;
        // Prose (clauses longer than list items, with its function words) is never a list of the rubric's phrases, however
        // many of them it says: a model answer scored against a rubric drafted from it says all of them.
        var prose = listShare < StuffingProseListShare && functionShare >= StuffingProseFunctionShare;
        if (!prose && EvidenceShare(tokens, grades) >= StuffingEvidenceShare)
        {
            return true;
        }
        return tokens.WordCount >= StuffingMinWords && match.MatchedWordCount >= 5 &&
            ((listShare >= 0.6 && functionShare < 0.25) || functionShare < 0.08);
    }

    /// <summary>
    /// Key points the answer mentions only in <see cref="BareSegments"/>: every word of the answer that matches one of the
    /// key point's content words stands in a list item or a filler sentence (a repeated template or short lead-ins), naming
    /// at most two of the rubric's concepts. A clause that relates three concepts or says something of its own about a term
    /// is not bare, wherever a list is.
    /// </summary>
    private static int BareKeyPoints(AnswerMatch match, KeyPointGrade[] grades)
    {
        var tokens = match.Tokens;
        var bareSegments = BareSegments.Find(match);
        var bare = 0;
        for (var k = 0; k < grades.Length; k++)
        {
            if (grades[k].Status == KeyPointStatus.Missing)
            {
                continue;
            }
            var ids = match.Question.KeyPoints[k].ContentWords;
            var mentions = 0;
            var onlyBare = true;
            for (var t = 0; t < tokens.Count && onlyBare; t++)
            {
                if (MatchesAny(tokens[t].Matches, ids))
                {
                    mentions++;
                    onlyBare = bareSegments[tokens[t].Segment];
                }
            }
            bare += mentions > 0 && onlyBare ? 1 : 0;
        }
        return bare;
    }

    private static bool MatchesAny(int[] matches, IReadOnlySet<int> ids)
    {
        foreach (var id in matches)
        {
            if (ids.Contains(id))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The share of the answer's words (as written) that lie inside some evidence span.</summary>
    private static double EvidenceShare(TokenList tokens, KeyPointGrade[] grades)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var grade in grades)
        {
            foreach (var span in grade.Evidence)
            {
                spans.Add((span.Start, span.Start + span.Length));
            }
        }
        if (spans.Count == 0)
        {
            return 0;
        }
        spans.Sort();
        var inside = 0;
        var s = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            ref var token = ref tokens[t];
            if (token.IsPart)
            {
                continue;
            }
            while (s < spans.Count && spans[s].End <= token.Start)
            {
                s++;
            }
            // Spans may overlap, so look at the next few that start before the token.
            for (var k = s; k < spans.Count && spans[k].Start <= token.Start; k++)
            {
                if (token.End <= spans[k].End)
                {
                    inside++;
                    break;
                }
            }
        }
        return (double)inside / tokens.WordCount;
    }

    /// <summary>The highest-weight key point not covered, first in rubric order on ties (as <see cref="Scoring.FollowUpTarget"/>).</summary>
    private static KeyPoint? FollowUpTarget(CompiledQuestion question, KeyPointGrade[] grades)
    {
        KeyPoint? best = null;
        for (var k = 0; k < grades.Length; k++)
        {
            var keyPoint = question.KeyPoints[k].KeyPoint;
            if (grades[k].Status != KeyPointStatus.Covered && (best is null || keyPoint.Weight > best.Weight))
            {
                best = keyPoint;
            }
        }
        return best;
    }

    private GradeResult Empty(GradeRequest request, CompiledQuestion compiled, bool spanish)
    {
        var grades = new KeyPointGrade[compiled.KeyPoints.Length];
        for (var k = 0; k < grades.Length; k++)
        {
            var keyPoint = compiled.KeyPoints[k].KeyPoint;
            grades[k] = new KeyPointGrade(keyPoint.Id, keyPoint.Text, KeyPointStatus.Missing, 0, []);
        }
        List<string> flags = [GradeFlags.Empty];
        return new GradeResult(request.Question.Id, 0, Name, Degraded: false, request.Bank.Ref, grades,
            FollowUpTarget(compiled, grades)?.FollowUp, compiled.Feedback(grades, flags, spanish), flags);
    }

    private static bool IsSpanish(QuestionBank bank) => bank.Language.StartsWith("es", StringComparison.OrdinalIgnoreCase);
}
