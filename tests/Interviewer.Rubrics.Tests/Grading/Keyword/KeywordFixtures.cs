using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;
using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Tests.Grading.Keyword;

/// <summary>Questions and banks built in code for keyword grader tests.</summary>
internal static class KeywordFixtures
{
    public static readonly KeywordGrader Grader = new();

    /// <summary>A deployment question in Spanish with five weighted key points.</summary>
    public static Question Deploy { get; } = new(
        "deploy",
        "basics",
        "¿Cómo despliegas un modelo en producción?",
        "Despliegue y operación.",
        "Empaqueto el modelo en un contenedor Docker y lo despliego con un pipeline de CI/CD. Después monitorizo las métricas " +
        "de latencia y precisión, vigilo la deriva de los datos de producción y, si algo falla, hago rollback a la versión anterior.",
        [
            KeyPoint("deploy-container", 3, ["contenedor", "container", "docker"], ["despliegue", "desplegar", "deploy"]),
            KeyPoint("deploy-cicd", 2, ["ci/cd", "integración continua", "pipeline"]),
            KeyPoint("deploy-monitoring", 2, ["monitorización", "monitorizar", "monitoring"], ["métricas", "metrics"]),
            KeyPoint("deploy-rollback", 1, ["versión anterior", "rollback", "revertir"]),
            KeyPoint("deploy-drift", 2, ["datos de producción", "production data"], ["deriva", "drift"]),
        ]);

    public static QuestionBank SpanishBank { get; } = Bank("es", Deploy);

    public static QuestionBank EnglishBank { get; } = Bank("en", Deploy);

    /// <summary>A question with one key point per concept list given, each of weight 1.</summary>
    public static Question WithConcepts(params string[][] concepts) => new(
        "q", "basics", "¿Pregunta?", "Evalúa.", "Respuesta modelo.",
        [KeyPoint("q-1", 1, concepts)]);

    public static KeyPoint KeyPoint(string id, double weight, params string[][] concepts) =>
        new(id, $"Punto {id}.", weight, concepts.Select(c => new Concept(c)).ToList(), $"¿Qué hay de {id}?");

    public static QuestionBank Bank(string language, params Question[] questions) =>
        new("test", "Test", language, 1, [new Category("basics", "Básicas")], questions);

    public static GradeResult Grade(Question question, string answer, QuestionBank? bank = null) =>
        Grader.Grade(new GradeRequest(bank ?? Bank("es", question), question, answer));

    public static KeyPointGrade KeyPointOf(GradeResult grade, string id) => grade.KeyPoints.Single(k => k.Id == id);
}
