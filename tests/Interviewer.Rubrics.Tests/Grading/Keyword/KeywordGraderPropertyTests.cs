using Interviewer.Rubrics.Grading;
using static Interviewer.Rubrics.Tests.Grading.Keyword.KeywordFixtures;

namespace Interviewer.Rubrics.Tests.Grading.Keyword;

/// <summary>Properties over a few hundred answers generated from a seeded <see cref="Random"/>.</summary>
public sealed class KeywordGraderPropertyTests
{
    private const int Cases = 300;

    // Sentences that cover one key point of KeywordFixtures.Deploy each, in natural wording.
    private static readonly (string KeyPoint, string Sentence)[] Covering =
    [
        ("deploy-container", "Empaquetamos el servicio en un contenedor para desplegarlo igual en todos los entornos."),
        ("deploy-container", "Con Docker hacemos el despliegue de la imagen en el clúster."),
        ("deploy-cicd", "Cada cambio pasa por un pipeline de integración continua."),
        ("deploy-cicd", "Usamos CI/CD para que nada llegue a mano al servidor."),
        ("deploy-monitoring", "Después hay que monitorizar las métricas de latencia y errores."),
        ("deploy-monitoring", "Tenemos monitoring con metrics de negocio en un panel."),
        ("deploy-rollback", "Si la nueva versión falla, hacemos rollback enseguida."),
        ("deploy-rollback", "Siempre se puede revertir a la versión anterior del modelo."),
        ("deploy-drift", "Vigilamos la deriva comparando los datos de producción con los históricos."),
        ("deploy-drift", "The drift shows up when production data changes."),
    ];

    private static readonly string[] Unrelated =
    [
        "El equipo se reúne los lunes para planificar la semana.",
        "A mí me gusta explicar las cosas con ejemplos sencillos.",
        "La oficina queda cerca de la estación de tren.",
        "Hace unos años trabajé en una empresa de logística.",
        "Weather was nice during the conference last spring.",
        "También leo bastante sobre historia en mi tiempo libre.",
        "Nuestro cliente principal es una cadena de supermercados.",
        "🚀 Me encanta aprender cosas nuevas cada día 😊.",
        "Los viernes solemos comer todos juntos en la cafetería.",
        "I studied mathematics at university before moving into software.",
    ];

    [Fact]
    public void Grade_AddingUnrelatedSentences_NeverLowersAnyKeyPointsCoverage()
    {
        var random = new Random(20240611);
        for (var i = 0; i < Cases; i++)
        {
            var sentences = RandomAnswer(random);
            var before = Grade(Deploy, string.Join(' ', sentences), SpanishBank);

            var extended = new List<string>(sentences);
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                extended.Insert(random.Next(extended.Count + 1), Unrelated[random.Next(Unrelated.Length)]);
            }
            var answer = string.Join(' ', extended);
            var after = Grade(Deploy, answer, SpanishBank);

            for (var k = 0; k < before.KeyPoints.Count; k++)
            {
                Assert.True(after.KeyPoints[k].Coverage >= before.KeyPoints[k].Coverage,
                    $"case {i}: {before.KeyPoints[k].Id} went from {before.KeyPoints[k].Coverage} to {after.KeyPoints[k].Coverage} for: {answer}");
            }
        }
    }

    [Fact]
    public void Grade_CoveringOneMoreKeyPoint_NeverLowersTheScore()
    {
        var random = new Random(7_000_001);
        for (var i = 0; i < Cases; i++)
        {
            var sentences = RandomAnswer(random);
            var before = Grade(Deploy, string.Join(' ', sentences), SpanishBank);
            var notCovered = Covering.Where(c => before.KeyPoints.Single(k => k.Id == c.KeyPoint).Status != KeyPointStatus.Covered).ToArray();
            if (notCovered.Length == 0)
            {
                continue;
            }

            var (keyPoint, sentence) = notCovered[random.Next(notCovered.Length)];
            var extended = new List<string>(sentences);
            extended.Insert(random.Next(extended.Count + 1), sentence);
            var answer = string.Join(' ', extended);
            var after = Grade(Deploy, answer, SpanishBank);

            Assert.Equal(KeyPointStatus.Covered, after.KeyPoints.Single(k => k.Id == keyPoint).Status);
            Assert.True(after.Score >= before.Score, $"case {i}: score went from {before.Score} to {after.Score} for: {answer}");
            Assert.True(after.Score > before.Score || before.Score == 100, $"case {i}: covering {keyPoint} did not raise {before.Score}");
        }
    }

    [Fact]
    public void Grade_AnyGeneratedAnswer_HasEvidenceInsideTheAnswerAndAScoreInRange()
    {
        var random = new Random(42);
        for (var i = 0; i < Cases; i++)
        {
            var answer = string.Join(random.Next(3) == 0 ? "\n" : " ", RandomAnswer(random));

            var grade = Grade(Deploy, answer, SpanishBank);

            Assert.InRange(grade.Score, 0, 100);
            foreach (var keyPoint in grade.KeyPoints)
            {
                Assert.InRange(keyPoint.Coverage, 0, 1);
                Assert.Equal(keyPoint.Evidence.Count > 0, keyPoint.Status != KeyPointStatus.Missing);
                Assert.All(keyPoint.Evidence, e => Assert.Equal(e.Text, answer.Substring(e.Start, e.Length)));
            }
        }
    }

    private static List<string> RandomAnswer(Random random)
    {
        var sentences = new List<string>();
        for (var n = random.Next(0, 4); n > 0; n--)
        {
            sentences.Add(Covering[random.Next(Covering.Length)].Sentence);
        }
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            sentences.Insert(random.Next(sentences.Count + 1), Unrelated[random.Next(Unrelated.Length)]);
        }
        return sentences;
    }
}
