using BenchmarkDotNet.Attributes;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;

namespace Interviewer.Benchmarks;

/// <summary>
/// Grading one answer with the keyword grader against the shipped MLOps bank (loaded from the <c>rubrics/</c> folder
/// copied next to the program). Rubrics are compiled and word caches warm, as in a running service.
/// </summary>
[MemoryDiagnoser]
public class KeywordGraderBenchmarks
{
    private readonly KeywordGrader _grader = new();
    private GradeRequest _typical = null!;
    private GradeRequest _keywordList = null!;
    private GradeRequest _long = null!;
    private GradeRequest[] _rotation = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var bank = BankCatalog.Load(BankCatalog.DefaultRoot).Find("mlops-es")
            ?? throw new InvalidOperationException($"The mlops-es bank is not in {BankCatalog.DefaultRoot}.");
        var generator = new AnswerGenerator(bank, seed: 1);
        var index = Math.Max(0, bank.Questions.ToList().FindIndex(q => q.Id == "model-drift"));
        var question = bank.Questions[index];
        _typical = new GradeRequest(bank, question, generator.Generate(index, 120));
        _long = new GradeRequest(bank, question, generator.Generate(index, 1_000));
        _keywordList = new GradeRequest(bank, question, string.Join(", ", question.KeyPoints.SelectMany(k => k.Concepts).Select(c => c.Phrases[0])));
        _rotation = Enumerable.Range(0, 1_000).Select(i => new GradeRequest(bank, bank.Questions[i % bank.Questions.Count], generator.Generate(i % bank.Questions.Count))).ToArray();
        foreach (var request in _rotation)
        {
            _grader.Grade(request);
        }
    }

    /// <summary>One answer of about 120 words to one question.</summary>
    [Benchmark(Baseline = true)]
    public GradeResult TypicalAnswer() => _grader.Grade(_typical);

    /// <summary>Answers of about 120 words, each to a different question in turn (caches shared across questions).</summary>
    [Benchmark]
    public GradeResult RotatingQuestions() => _grader.Grade(_rotation[_next++ % _rotation.Length]);

    /// <summary>A list of the rubric's terms (flagged keyword_stuffing).</summary>
    [Benchmark]
    public GradeResult KeywordList() => _grader.Grade(_keywordList);

    /// <summary>An answer of about 1,000 words.</summary>
    [Benchmark]
    public GradeResult LongAnswer() => _grader.Grade(_long);
}
