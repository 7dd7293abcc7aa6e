using Interviewer.Rubrics.Model;

namespace Interviewer.Rubrics.Tests.Batch;

/// <summary>A two-question bank built in code, for batch behaviour tests.</summary>
internal static class TestBank
{
    public static QuestionBank Create() => new(
        "test-bank", "Test bank", "es", 3,
        [new Category("basics", "Basics")],
        [
            new Question("drift", "basics", "¿Qué es la deriva del modelo?", "Drift.", "Los datos de producción se alejan.",
            [
                new KeyPoint("drift-definition", "Los datos de producción se alejan.", 2, [new Concept(["deriva", "drift"]), new Concept(["producción", "production"])], "¿Y los datos?"),
                new KeyPoint("drift-monitoring", "Se vigila.", 1, [new Concept(["monitorizar", "monitoring"])], "¿Cómo lo detectarías?"),
            ]),
            new Question("containers", "basics", "¿Para qué sirve un contenedor?", "Packaging.", "Empaqueta.",
            [
                new KeyPoint("containers-packaging", "Empaqueta el modelo.", 1, [new Concept(["contenedor", "container"])], "¿Qué va dentro?"),
            ]),
        ]);
}
