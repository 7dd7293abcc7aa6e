using System.Diagnostics;
using System.Globalization;
using Interviewer.Benchmarks;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;

// Throughput of the keyword grader: N generated answers of about W words against the MLOps bank, on every core,
// optionally with E scored exemplars per question (the grader then blends in the most similar ones).
// Usage: Interviewer.Throughput [answers=100000] [words=120] [threads=processor count] [exemplars=0]
var answers = ArgOr(0, 100_000);
var words = ArgOr(1, 120);
var threads = ArgOr(2, Environment.ProcessorCount);
var exemplars = ArgOr(3, 0, minimum: 0);

var shipped = BankCatalog.Load(BankCatalog.DefaultRoot).Find("mlops-es")
    ?? throw new InvalidOperationException($"The mlops-es bank is not in {BankCatalog.DefaultRoot}.");
var generator = new AnswerGenerator(shipped, seed: 2024);
// The exemplars come from a generator of their own, so that runs with and without them grade the same answers.
var bank = exemplars == 0 ? shipped : WithExemplars(shipped, new AnswerGenerator(shipped, seed: 7), exemplars, words);
var requests = new GradeRequest[answers];
for (var i = 0; i < answers; i++)
{
    var question = i % bank.Questions.Count;
    requests[i] = new GradeRequest(bank, bank.Questions[question], generator.Generate(question, words));
}
var averageWords = requests.Average(r => r.Answer.Split(' ').Length);
Console.WriteLine($"bank {bank.Id} v{bank.Version}: {bank.Questions.Count} questions, {exemplars} exemplar(s) each; {answers:N0} answers of {averageWords:0} words on average; {threads} thread(s), {Environment.ProcessorCount} core(s)");

// Warm up as a running service would be: rubrics compiled, word caches filled, code jitted.
var grader = new KeywordGrader();
for (var i = 0; i < Math.Min(answers, 5_000); i++)
{
    grader.Grade(requests[i]);
}
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();

var gen0 = GC.CollectionCount(0);
var gen2 = GC.CollectionCount(2);
var allocated = GC.GetTotalAllocatedBytes(precise: true);
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var scores = new double[threads];
var clock = Stopwatch.StartNew();
Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, worker =>
{
    var sum = 0.0;
    for (var i = worker; i < answers; i += threads)
    {
        sum += grader.Grade(requests[i]).Score;
    }
    scores[worker] = sum;
});
clock.Stop();
var allocatedPerAnswer = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)answers;
var cpuPerAnswer = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / answers;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"graded {answers:N0} answers in {clock.Elapsed.TotalSeconds:0.000} s: {answers / clock.Elapsed.TotalSeconds:N0} answers/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"per answer: {clock.Elapsed.TotalMicroseconds * threads / answers:0.0} µs wall per thread, {cpuPerAnswer:0.0} µs CPU, {allocatedPerAnswer:N0} bytes allocated"));
Console.WriteLine($"GC: {GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(2) - gen2} gen2 collections; mean score {scores.Sum() / answers:0.0}");
return 0;

int ArgOr(int index, int fallback, int minimum = 1) =>
    args.Length > index && int.TryParse(args[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum ? value : fallback;

// Generated answers scored 0–5 at random (deterministic): what a hiring team's exemplar files would hold.
static QuestionBank WithExemplars(QuestionBank bank, AnswerGenerator generator, int perQuestion, int words)
{
    var random = new Random(7);
    return bank with
    {
        Questions = bank.Questions.Select((q, index) => q with
        {
            Exemplars = Enumerable.Range(1, perQuestion)
                .Select(n => new Exemplar($"{q.Id}-e{n}", generator.Generate(index, words), random.Next(6), 5))
                .ToList(),
        }).ToList(),
    };
}
