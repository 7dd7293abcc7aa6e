using Interviewer.Rubrics.Calibration.Statistics;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Calibration;

/// <summary>
/// The calibration report: how well a grader agrees with human scores, how well the humans agree with each other,
/// and what in the rubric causes disagreement. Its JSON field names are stable (docs/calibration.md).
/// </summary>
/// <param name="Bank">The bank (and version) graded against.</param>
/// <param name="Grader">The grader's name.</param>
/// <param name="Scale">The human scale the figures are on.</param>
/// <param name="Rows">How many input rows were read, used and left out.</param>
/// <param name="Problems">Rows left out, each with its line and why.</param>
/// <param name="Bootstrap">How the confidence intervals were computed.</param>
/// <param name="Headline">One sentence: the grader's agreement beside the humans'.</param>
/// <param name="Overall">Grader vs human (mean of raters) over every answer.</param>
/// <param name="Questions">The same, per question.</param>
/// <param name="Raters">Agreement among humans, where several scored the same answers; null otherwise.</param>
/// <param name="KeyPoints">How often each key point matched, and its precision/recall where humans marked key points.</param>
/// <param name="Confusion">Human score (rows) by grader score (columns), on the human scale's points.</param>
/// <param name="Points">Every answer's human and grader score, for plots.</param>
/// <param name="Diagnostics">Where the disagreement comes from.</param>
/// <param name="Suggestions">Rubric edits that may reduce disagreement; try them with a what-if.</param>
public sealed record CalibrationReport(
    BankRef Bank,
    string Grader,
    ScaleInfo Scale,
    RowCounts Rows,
    IReadOnlyList<CalibrationProblemEntry> Problems,
    BootstrapInfo Bootstrap,
    string Headline,
    AgreementFigures Overall,
    IReadOnlyList<QuestionAgreement> Questions,
    RaterAgreement? Raters,
    IReadOnlyList<KeyPointReport> KeyPoints,
    ConfusionMatrix Confusion,
    IReadOnlyList<ScorePoint> Points,
    DiagnosticsReport Diagnostics,
    IReadOnlyList<RubricSuggestion> Suggestions)
{
    /// <summary>Set on a what-if report: the agreement before the suggestions were applied, and which were applied.</summary>
    public WhatIfInfo? WhatIf { get; init; }

    /// <summary>Set when every answer was graded with the other folds' answers of its question as exemplars.</summary>
    public CrossValidation? CrossValidation { get; init; }

    /// <summary>Set when several humans scored the same answers: the grader's agreement beside theirs, as the headline words it.</summary>
    public HumanComparison? Comparison { get; init; }
}

/// <summary>The grader's agreement with each human beside the humans' agreement with each other.</summary>
/// <param name="HumanQwk">Mean QWK over the pairs of humans.</param>
/// <param name="GraderQwk">Mean QWK of the grader with each human.</param>
/// <param name="Verdict"><c>as_well</c> (within 0.02), <c>somewhat_less</c> (within 0.15) or <c>much_less</c>.</param>
public sealed record HumanComparison(double HumanQwk, double GraderQwk, string Verdict);

/// <summary>The human scale.</summary>
/// <param name="Max">The top of the scale (max_score; 100 when rows used different maxima and were normalised).</param>
/// <param name="Points">The points QWK and the confusion matrix use.</param>
/// <param name="Normalized">True when rows had different max_score and every score was rescaled to 0–100.</param>
public sealed record ScaleInfo(double Max, IReadOnlyList<double> Points, bool Normalized);

/// <summary>Input row counts.</summary>
/// <param name="Read">Rows read (score rows after expanding several-rater columns).</param>
/// <param name="Used">Rows used.</param>
/// <param name="Rejected">Rows left out (see problems).</param>
/// <param name="Answers">Distinct answers graded.</param>
public sealed record RowCounts(int Read, int Used, int Rejected, int Answers);

/// <summary>A row left out.</summary>
/// <param name="Line">Input line (0 when unknown).</param>
/// <param name="Message">What was wrong.</param>
public sealed record CalibrationProblemEntry(int Line, string Message);

/// <summary>How intervals were computed.</summary>
/// <param name="Iterations">Resamples.</param>
/// <param name="Seed">The fixed seed: the same input gives the same intervals.</param>
/// <param name="Unit">What is resampled (<c>answer</c>).</param>
public sealed record BootstrapInfo(int Iterations, int Seed, string Unit);

/// <summary>Grader-vs-human agreement over a set of answers, every figure with a 95% bootstrap interval.</summary>
/// <param name="N">Answers compared.</param>
/// <param name="Pearson">Pearson correlation.</param>
/// <param name="Spearman">Spearman rank correlation.</param>
/// <param name="Qwk">Quadratic weighted kappa on the human scale's points.</param>
/// <param name="Mae">Mean absolute error, in human-scale points.</param>
/// <param name="Bias">Mean grader − human, in human-scale points: positive = lenient, negative = harsh.</param>
/// <param name="HumanMean">Mean human score.</param>
/// <param name="GraderMean">Mean grader score on the human scale.</param>
public sealed record AgreementFigures(int N, Measure Pearson, Measure Spearman, Measure Qwk, Measure Mae, Measure Bias, double? HumanMean, double? GraderMean);

/// <summary>Agreement on one question.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Question">The question's text.</param>
/// <param name="Drafted">True when the rubric was drafted from a reference answer rather than taken from the bank.</param>
/// <param name="Figures">Grader vs human on this question's answers.</param>
public sealed record QuestionAgreement(string QuestionId, string Question, bool Drafted, AgreementFigures Figures);

/// <summary>Agreement among human raters, beside the grader's agreement with them.</summary>
/// <param name="Raters">The raters' names.</param>
/// <param name="Units">Answers scored by two or more raters.</param>
/// <param name="AlphaInterval">Krippendorff's alpha, interval metric, among the humans.</param>
/// <param name="AlphaOrdinal">Krippendorff's alpha, ordinal metric, among the humans.</param>
/// <param name="Pairwise">Each pair of humans: quadratic weighted kappa and Pearson.</param>
/// <param name="GraderVsRaters">The grader against each human, on the same footing as <paramref name="Pairwise"/>.</param>
/// <param name="AlphaIntervalWithGrader">Alpha (interval) when the grader is added as one more rater.</param>
public sealed record RaterAgreement(
    IReadOnlyList<string> Raters,
    int Units,
    Measure AlphaInterval,
    Measure AlphaOrdinal,
    IReadOnlyList<PairAgreement> Pairwise,
    IReadOnlyList<PairAgreement> GraderVsRaters,
    Measure AlphaIntervalWithGrader);

/// <summary>Agreement of two raters (or the grader and a rater) on the answers both scored.</summary>
/// <param name="A">First rater.</param>
/// <param name="B">Second rater.</param>
/// <param name="N">Answers both scored.</param>
/// <param name="Qwk">Quadratic weighted kappa.</param>
/// <param name="Pearson">Pearson correlation.</param>
/// <param name="Mae">Mean absolute difference.</param>
public sealed record PairAgreement(string A, string B, int N, Measure Qwk, Measure Pearson, Measure Mae);

/// <summary>One key point across the answers to its question.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="KeyPointId">The key point.</param>
/// <param name="Text">Its text.</param>
/// <param name="Answers">Answers to its question.</param>
/// <param name="MatchRate">Share of answers where the grader found it (covered or partial).</param>
/// <param name="CoveredRate">Share of answers where it was covered.</param>
/// <param name="HumanMeanWhenMatched">Mean human score of answers where it matched; null when it never did.</param>
/// <param name="HumanMeanWhenMissed">Mean human score of answers where it did not; null when it always did.</param>
/// <param name="Human">Precision and recall against the key points humans marked; null when none were marked.</param>
public sealed record KeyPointReport(
    string QuestionId,
    string KeyPointId,
    string Text,
    int Answers,
    double MatchRate,
    double CoveredRate,
    double? HumanMeanWhenMatched,
    double? HumanMeanWhenMissed,
    KeyPointAccuracy? Human);

/// <summary>Counts of answers by human score (rows) and grader score (columns), both snapped to the scale's points.</summary>
/// <param name="Points">The scale's points (row and column labels).</param>
/// <param name="Counts">Counts[human][grader].</param>
public sealed record ConfusionMatrix(IReadOnlyList<double> Points, IReadOnlyList<IReadOnlyList<int>> Counts);

/// <summary>One answer's scores, for the scatter plot.</summary>
/// <param name="AnswerId">The answer.</param>
/// <param name="QuestionId">Its question.</param>
/// <param name="Human">Mean human score.</param>
/// <param name="Grader">Grader score on the human scale.</param>
public sealed record ScorePoint(string AnswerId, string QuestionId, double Human, double Grader);

/// <summary>Where the disagreement comes from.</summary>
/// <param name="LargestDisagreements">Answers with the largest |grader − human|, with their key-point checklists.</param>
/// <param name="NeverMatched">Key points no answer matched.</param>
/// <param name="AlwaysMatched">Key points every answer covered (they do not discriminate).</param>
/// <param name="CandidatePhrases">Phrases frequent in answers humans scored high that no concept matches.</param>
public sealed record DiagnosticsReport(
    IReadOnlyList<Disagreement> LargestDisagreements,
    IReadOnlyList<KeyPointRef> NeverMatched,
    IReadOnlyList<KeyPointRef> AlwaysMatched,
    IReadOnlyList<CandidatePhrase> CandidatePhrases);

/// <summary>An answer where grader and humans disagree.</summary>
/// <param name="AnswerId">The answer.</param>
/// <param name="QuestionId">Its question.</param>
/// <param name="Human">Mean human score.</param>
/// <param name="Grader">Grader score on the human scale.</param>
/// <param name="Difference">Grader − human.</param>
/// <param name="Answer">The answer's text (shortened past 600 characters).</param>
/// <param name="Checklist">Each key point's status and evidence.</param>
public sealed record Disagreement(string AnswerId, string QuestionId, double Human, double Grader, double Difference, string Answer, IReadOnlyList<ChecklistItem> Checklist);

/// <summary>A key point's line in a checklist.</summary>
/// <param name="KeyPointId">The key point.</param>
/// <param name="Text">Its text.</param>
/// <param name="Status">covered, partial or missing.</param>
/// <param name="Evidence">The answer's words that matched.</param>
/// <param name="HumanMarked">Whether humans marked it covered; null when they marked none.</param>
public sealed record ChecklistItem(string KeyPointId, string Text, KeyPointStatus Status, IReadOnlyList<string> Evidence, bool? HumanMarked);

/// <summary>A key point named in a diagnostic.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="KeyPointId">The key point.</param>
/// <param name="Text">Its text.</param>
/// <param name="Answers">Answers to its question.</param>
public sealed record KeyPointRef(string QuestionId, string KeyPointId, string Text, int Answers);

/// <summary>A phrase frequent in high-scored answers that no concept of the question matches: a candidate synonym.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Phrase">The phrase as it appears in answers.</param>
/// <param name="HighCount">High-scored answers containing it.</param>
/// <param name="HighAnswers">High-scored answers to the question.</param>
/// <param name="LowCount">Other answers containing it.</param>
/// <param name="LowAnswers">Other answers to the question.</param>
/// <param name="ExampleAnswerIds">Up to three answers it comes from.</param>
public sealed record CandidatePhrase(string QuestionId, string Phrase, int HighCount, int HighAnswers, int LowCount, int LowAnswers, IReadOnlyList<string> ExampleAnswerIds);

/// <summary>What a what-if report changed and what agreement was before.</summary>
/// <param name="Applied">The suggestions applied.</param>
/// <param name="Rejected">Suggestions that could not be applied, with why.</param>
/// <param name="Before">Overall agreement before.</param>
/// <param name="BankVersion">The version the edited rubric would have.</param>
public sealed record WhatIfInfo(IReadOnlyList<RubricSuggestion> Applied, IReadOnlyList<CalibrationProblemEntry> Rejected, AgreementFigures Before, int BankVersion);
