namespace Interviewer.Import.Tests.Reading;

/// <summary>A small interview guide with the usual traps, written out in every format the importer reads.</summary>
internal sealed record SampleGuide(
    string Language,
    string Title,
    string Intro,
    IReadOnlyList<SampleSection> Sections,
    string Caption,
    string CallToAction)
{
    public IEnumerable<SampleQuestion> Questions => Sections.SelectMany(s => s.Questions);

    public static SampleGuide English { get; } = new(
        "en",
        "Data Engineering Interview Guide",
        // A question mark inside an intro paragraph: not a question.
        "Interviews can be stressful. What should you study first? This guide collects the questions we ask most often.",
        [
            new SampleSection("Core concepts",
            [
                new SampleQuestion("What is a data pipeline?",
                    "Description:", "It checks that the candidate knows how data moves between systems.",
                    "Example answer:", ["A data pipeline moves data from sources to destinations, extracting, transforming and loading records."],
                    ["Batch pipelines run on a schedule, for example every night.", "Streaming pipelines process events continuously as they arrive."], []),
                new SampleQuestion("Explain the difference between OLTP and OLAP systems.",
                    "What it evaluates:", "Knowledge of transactional and analytical workloads.",
                    "Answer:", ["OLTP systems serve many small transactions while OLAP systems answer large analytical queries."],
                    [], [["System", "Workload", "Example"], ["OLTP", "Many small writes and reads", "An orders database"], ["OLAP", "Large scans and aggregations", "A data warehouse"]]),
            ]),
            new SampleSection("Behavioural questions",
            [
                // A question heading of two sentences.
                new SampleQuestion("Describe a time a pipeline failed in production. What did you do?",
                    "Description:", "It evaluates troubleshooting under pressure.",
                    "Example answer:",
                    [
                        "A nightly job failed after an upstream team renamed a column. I read the logs, found the renamed column, fixed the mapping and reran the job.",
                        "Afterwards I added a schema check with an alert so that the next change is caught before loading.",
                    ],
                    [], []),
            ]),
        ],
        "Figure 1: A pipeline from sources to a warehouse.",
        "Want to go further? Check out our Data Engineering course to get ready for your interview!");

    public static SampleGuide Spanish { get; } = new(
        "es",
        "Guía de entrevistas de ingeniería de datos",
        "Las entrevistas pueden ser estresantes. ¿Qué deberías estudiar primero? Esta guía reúne las preguntas más frecuentes.",
        [
            new SampleSection("Conceptos básicos",
            [
                new SampleQuestion("¿Qué es un pipeline de datos?",
                    "Descripción:", "Evalúa si el candidato sabe cómo se mueven los datos entre sistemas.",
                    "Respuesta:", ["Un pipeline de datos mueve datos desde las fuentes hasta los destinos, extrayendo, transformando y cargando registros."],
                    ["Los pipelines por lotes se ejecutan según un calendario, por ejemplo cada noche.", "Los pipelines de streaming procesan eventos de forma continua a medida que llegan."], []),
                new SampleQuestion("Explica la diferencia entre los sistemas OLTP y OLAP.",
                    "Descripción:", "Evalúa el conocimiento de las cargas transaccionales y analíticas.",
                    "Respuesta:", ["Los sistemas OLTP atienden muchas transacciones pequeñas y los OLAP responden consultas analíticas grandes."],
                    [], [["Sistema", "Carga", "Ejemplo"], ["OLTP", "Muchas lecturas y escrituras pequeñas", "Una base de datos de pedidos"], ["OLAP", "Grandes lecturas y agregaciones", "Un almacén de datos"]]),
            ]),
            new SampleSection("Preguntas de comportamiento",
            [
                new SampleQuestion("Describe una ocasión en la que falló un pipeline en producción. ¿Qué hiciste?",
                    "Descripción:", "Evalúa la resolución de problemas bajo presión.",
                    "Ejemplo de respuesta:",
                    [
                        "Un proceso nocturno falló porque otro equipo renombró una columna. Revisé los registros, encontré la columna renombrada, corregí el mapeo y volví a ejecutar el proceso.",
                        "Después añadí una validación del esquema con una alerta para detectar el siguiente cambio antes de cargar los datos.",
                    ],
                    [], []),
            ]),
        ],
        "Arquitectura de un pipeline de datos. Imagen creada por el autor.",
        "Si quieres profundizar, consulta nuestro curso de ingeniería de datos. ¡Te preparará para tu entrevista!");

    public static SampleGuide For(string language) => language == "es" ? Spanish : English;
}

internal sealed record SampleSection(string Title, IReadOnlyList<SampleQuestion> Questions);

internal sealed record SampleQuestion(
    string Text,
    string DescriptionLabel,
    string Description,
    string AnswerLabel,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Bullets,
    IReadOnlyList<string[]> Table);
