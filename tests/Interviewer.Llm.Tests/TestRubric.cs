using System.Text.Json;
using Interviewer.Llm;
using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Model;

namespace Interviewer.Llm.Tests;

/// <summary>A small bank with one question of three weighted key points, and helpers to write verdicts.</summary>
internal static class TestRubric
{
    public const string Definition = "model-drift-definition";
    public const string Monitoring = "model-drift-monitoring";
    public const string Retraining = "model-drift-retraining";

    public static Question Question { get; } = new(
        "model-drift",
        "fundamentals",
        "¿Qué es la deriva del modelo o del concepto?",
        "Conocimiento del impacto de la evolución de los datos en la precisión de los modelos.",
        "La deriva ocurre cuando los datos de producción se alejan de los de entrenamiento; se detecta monitorizando métricas y se corrige reentrenando.",
        [
            new KeyPoint(Definition, "El rendimiento se degrada porque los datos de producción se desvían de los de entrenamiento.", 2,
                [
                    new Concept(["deriva del modelo", "model drift", "data drift", "deriva de datos"]),
                    new Concept(["datos de producción", "production data"]),
                    new Concept(["entrenamiento", "training"]),
                ],
                "¿Qué le pasa a un modelo cuando los datos de producción se alejan de los de entrenamiento?"),
            new KeyPoint(Monitoring, "Se detecta monitorizando métricas del modelo y de los datos.", 1,
                [
                    new Concept(["monitorización", "monitorizar", "monitorizando", "monitoring", "monitor"]),
                    new Concept(["métricas", "metrics"]),
                ],
                "¿Cómo detectarías la deriva en producción?"),
            new KeyPoint(Retraining, "Se corrige reentrenando el modelo con datos recientes.", 1,
                [
                    new Concept(["reentrenar", "reentrenamiento", "reentrenando", "retrain", "retraining"]),
                ],
                "¿Qué harías una vez detectada la deriva?"),
        ]);

    public static QuestionBank Bank { get; } = new("test-es", "Banco de prueba", "es", 3,
        [new Category("fundamentals", "Preguntas básicas")], [Question]);

    /// <summary>Covers every key point, in prose.</summary>
    public const string GoodAnswer =
        "La deriva del modelo ocurre cuando los datos de producción se alejan de los datos de entrenamiento y el rendimiento cae. " +
        "Se detecta con monitorización de métricas del modelo y de los datos. Se corrige al reentrenar el modelo con datos recientes.";

    public const string DefinitionQuote = "La deriva del modelo ocurre cuando los datos de producción se alejan de los datos de entrenamiento";
    public const string MonitoringQuote = "monitorización de métricas del modelo";
    public const string RetrainingQuote = "reentrenar el modelo con datos recientes";

    public static GradeRequest Request(string answer) => new(Bank, Question, answer);

    public static string Verdict(params (string Id, string Status, string Quote)[] claims) =>
        Verdict(claims, "¿Cómo detectarías la deriva?", "Buena definición.");

    public static string Verdict((string Id, string Status, string Quote)[] claims, string followUp, string feedback) =>
        JsonSerializer.Serialize(new
        {
            key_points = claims.Select(c => new { id = c.Id, status = c.Status, quote = c.Quote }),
            follow_up = followUp,
            feedback,
        });

    public static string AllCovered() => Verdict(
        (Definition, "covered", DefinitionQuote),
        (Monitoring, "covered", MonitoringQuote),
        (Retraining, "covered", RetrainingQuote));

    public static LlmOptions Options(Action<LlmOptions>? configure = null)
    {
        var options = new LlmOptions
        {
            Provider = LlmProviders.OpenAI,
            Endpoint = "http://127.0.0.1:1/v1",
            Model = "test-model",
            RetryBaseDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return options;
    }

    public static KeyPointGrade Point(GradeResult grade, string id) => grade.KeyPoints.Single(k => k.Id == id);
}
