using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Tests.Loading;

/// <summary>
/// The shipped bank is Spanish, but its concepts carry English phrases too, because candidates answer in English or
/// mix both: answers written wholly in English get the credit their content deserves.
/// </summary>
public sealed class ShippedBankEnglishTests
{
    private static readonly Lazy<QuestionBank> Bank = new(() => BankCatalog.Load(BankCatalog.DefaultRoot).Find("mlops-es")!);

    public static TheoryData<string, string, double, string[]> EnglishAnswers() => new()
    {
        {
            "model-drift",
            "Model drift happens over time as the data patterns and the underlying relationships evolve: the model performance degrades because " +
            "the production data no longer looks like the training data. It can come from a distribution shift in the input features or in how " +
            "those features relate to the target. For example a model trained on historical financial data fails after an economic shock. " +
            "Concept drift is the specific case where the relationship between the inputs and the target changes, so the assumptions the model " +
            "learned no longer hold and predictions lose accuracy. That is why you monitor the model continuously and retrain it when drift is detected.",
            90,
            ["model-drift-over-time", "model-drift-definition", "model-drift-causes", "model-drift-example-finance", "model-drift-concept-drift",
             "model-drift-assumptions", "model-drift-monitor-update"]
        },
        {
            "version-control",
            "Version control matters in MLOps because you must track the code, the data and the models together. With git for the code and DVC " +
            "or MLflow for datasets and model artifacts, every experiment is reproducible: you know which version of the data and which " +
            "hyperparameters produced each model. It lets a team collaborate on the same project, review changes and roll back to a previous " +
            "model version when a deployment goes wrong, and it gives an audit trail for compliance.",
            80,
            ["version-control-what", "version-control-tools", "version-control-reproducibility", "version-control-collaboration", "version-control-rollback"]
        },
        {
            "model-packaging",
            "You can package a model by serializing it to a file such as pickle, joblib or ONNX, put it in a Docker container with all its " +
            "dependencies so it runs the same everywhere, and serve it behind a REST API built with FastAPI or Flask, or with a serving tool like " +
            "TensorFlow Serving or TorchServe. Kubernetes then orchestrates and scales those containers, and cloud managed services like SageMaker can host the endpoint.",
            70,
            ["model-packaging-containers"]
        },
        {
            "monitoring-metrics",
            "Monitoring matters because a model degrades silently in production. You track model metrics such as accuracy, precision, recall and " +
            "F1 against ground truth when labels arrive, data drift in the input distributions, and operational metrics like latency, throughput, " +
            "error rate and resource usage such as CPU and memory. Alerts fire when a metric crosses a threshold so the team can investigate or retrain.",
            85,
            ["monitoring-metrics-performance", "monitoring-metrics-data-drift", "monitoring-metrics-infrastructure"]
        },
    };

    [Theory]
    [MemberData(nameof(EnglishAnswers))]
    public void AnswerWrittenInEnglish_IsCreditedThroughTheEnglishPhrases(string questionId, string answer, double minimumScore, string[] covered)
    {
        var question = Bank.Value.Questions.Single(q => q.Id == questionId);

        var grade = new KeywordGrader().Grade(new GradeRequest(Bank.Value, question, answer));

        Assert.True(grade.Score >= minimumScore, $"{questionId} scored {grade.Score}, expected at least {minimumScore}");
        Assert.Subset(
            grade.KeyPoints.Where(k => k.Status == KeyPointStatus.Covered).Select(k => k.Id).ToHashSet(StringComparer.Ordinal),
            covered.ToHashSet(StringComparer.Ordinal));
        Assert.Empty(grade.Flags);
    }
}
