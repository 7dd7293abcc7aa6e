using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Interviewer.Rubrics.Grading;

namespace Interviewer.Api.Interviews;

// The hub's wire records (docs/hub.md). Requests take nullable fields so that a missing one is reported as invalid_input.

/// <summary>
/// The argument of <c>StartInterview</c>: a practice interview (every field optional), or an assessment from a reviewer's
/// invitation (<c>invitation</c>: its token; every other field is then ignored, the invitation says them). In practice,
/// <c>candidateId</c> with its <c>candidateToken</c> files the interview under a practising candidate (without them a new
/// candidate is issued), and <c>questionIds</c> asks exactly those questions, in that order (<c>questionCount</c> and
/// <c>categories</c> are then ignored).
/// </summary>
public sealed record StartInterviewRequest(
    string? BankId = null,
    int? QuestionCount = null,
    IReadOnlyList<string>? Categories = null,
    string? Grader = null,
    int? Seed = null,
    string? CandidateName = null,
    string? Invitation = null,
    string? CandidateId = null,
    string? CandidateToken = null,
    IReadOnlyList<string>? QuestionIds = null);

/// <summary>What <c>StartInterview</c> returns; the first <c>Question</c> event follows.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="ResumeToken">The secret that resumes the session from any connection.</param>
/// <param name="Bank">The bank asked from.</param>
/// <param name="TotalQuestions">Questions in the plan.</param>
/// <param name="Mode"><c>practice</c> or <c>assessment</c>.</param>
/// <param name="Feedback">What the candidate sees of grades: <c>none</c>, <c>score</c> or <c>full</c>.</param>
/// <param name="Grader">The grader that grades the answers.</param>
/// <param name="CandidateId">The practising candidate the session belongs to (issued on a first practice start); absent for an assessment.</param>
/// <param name="CandidateToken">The candidate's secret, returned once when the candidate is issued: send it with <c>candidateId</c> on later starts and to read their progress.</param>
/// <param name="CandidateName">Whose interview it is (an invitation's candidate, or the name given); absent when none.</param>
public sealed record InterviewStarted(
    string SessionId,
    string ResumeToken,
    BankInfo Bank,
    int TotalQuestions,
    string Mode,
    string Feedback,
    string Grader,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CandidateId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CandidateToken = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CandidateName = null);

/// <summary>The bank an interview draws from.</summary>
public sealed record BankInfo(string Id, string Title, string Language, int Version);

/// <summary>
/// The argument of <c>SubmitAnswer</c>: <c>answerId</c> is chosen by the client and makes resubmission a no-op;
/// <c>turn</c>, when given, is the turn the client answers (its <c>Question</c>'s <c>turn</c>), so an answer never lands on a turn the client has not seen.
/// </summary>
public sealed record SubmitAnswerRequest(string? SessionId, string? AnswerId, string? Text, int? Turn = null);

/// <summary>What <c>SubmitAnswer</c> returns once the answer is durably stored.</summary>
public sealed record AnswerAccepted(string SessionId, string AnswerId, int Turn);

/// <summary>The argument of <c>Skip</c> and <c>EndInterview</c>.</summary>
public sealed record SessionRequest(string? SessionId);

/// <summary>The argument of <c>ResumeInterview</c>.</summary>
public sealed record ResumeInterviewRequest(string? SessionId, string? ResumeToken);

/// <summary>What <c>ResumeInterview</c> returns: enough to redraw the chat and carry on.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Status"><c>active</c>, <c>completed</c> or <c>ended</c>.</param>
/// <param name="Transcript">Every turn so far, oldest first.</param>
/// <param name="CurrentQuestion">The question awaiting an answer; null when the interview is over.</param>
/// <param name="Summary">The summary when the interview is over; null while it is active.</param>
/// <param name="CandidateName">Whose interview it is (an invitation's candidate, or the name given); absent when none.</param>
/// <param name="Mode"><c>practice</c> or <c>assessment</c>.</param>
/// <param name="Feedback">What the candidate sees of grades: <c>none</c>, <c>score</c> or <c>full</c>.</param>
/// <param name="Bank">The bank asked from.</param>
/// <param name="TotalQuestions">Questions in the plan.</param>
public sealed record InterviewResumed(
    string SessionId,
    string Status,
    string Mode,
    string Feedback,
    BankInfo Bank,
    int TotalQuestions,
    IReadOnlyList<TranscriptEntry> Transcript,
    QuestionMessage? CurrentQuestion,
    CompletedMessage? Summary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CandidateName = null);

/// <summary>One turn of an interview: the question asked, and the answer, grade or skip it received.</summary>
/// <param name="Turn">1-based turn number (every question asked, follow-ups included, is a turn).</param>
/// <param name="Question">The question as it was sent in the <c>Question</c> event.</param>
/// <param name="Answer">The answer; null when none was given (yet, or skipped).</param>
/// <param name="Grade">The answer's grade: the same JSON as the <c>Graded</c> event; null until graded.</param>
/// <param name="Skipped">True when the candidate skipped this turn.</param>
public sealed record TranscriptEntry(int Turn, QuestionMessage Question, TranscriptAnswer? Answer, GradedMessage? Grade, bool Skipped);

/// <summary>An answer as the candidate sent it.</summary>
public sealed record TranscriptAnswer(string AnswerId, string Text, DateTimeOffset ReceivedAt);

/// <summary>The <c>Question</c> event.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="QuestionId">The bank question asked (a follow-up carries its main question's id).</param>
/// <param name="Text">The text to show.</param>
/// <param name="Category">The question's category id.</param>
/// <param name="Index">1-based position of the question in the plan (a follow-up repeats its question's index).</param>
/// <param name="Total">Questions in the plan.</param>
/// <param name="IsFollowUp">True for the follow-up of the previous answer.</param>
/// <param name="Turn">1-based turn number that an answer to this question will get.</param>
/// <param name="Targets">A follow-up's key-point ids: its answer is graded on these only. Absent on a main question.</param>
public sealed record QuestionMessage(
    string SessionId,
    string QuestionId,
    string Text,
    string Category,
    int Index,
    int Total,
    bool IsFollowUp,
    int Turn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Targets = null);

/// <summary>
/// The <c>Graded</c> event: <c>sessionId</c>, <c>answerId</c>, <c>questionId</c> and <c>turn</c>, then — as the
/// interview's feedback allows — the grade's own fields flattened, the question's score after this answer
/// (<c>questionScore</c>), what this answer added to it (<c>gained</c>) and the key points' weights.
/// </summary>
/// <param name="SessionId">The session.</param>
/// <param name="AnswerId">The answer graded.</param>
/// <param name="QuestionId">The question it answers.</param>
/// <param name="Turn">The turn it answers.</param>
/// <param name="Grade">The grade (key points with text and evidence); null when the feedback is <c>score</c> or <c>none</c>.</param>
/// <param name="QuestionScore">The question's score after this answer; null when the feedback is <c>none</c>.</param>
/// <param name="Gained">Points this answer added to the question's score; null when the feedback is <c>none</c>.</param>
/// <param name="Weights">The weight of each key point in the grade; null without a grade.</param>
[JsonConverter(typeof(GradedMessageConverter))]
public sealed record GradedMessage(
    string SessionId,
    string AnswerId,
    string QuestionId,
    int Turn,
    GradeResult? Grade,
    double? QuestionScore,
    double? Gained,
    IReadOnlyDictionary<string, double>? Weights);

/// <summary>The <c>GradeFailed</c> event: the answer was withdrawn after its grading kept failing; <c>error</c> starts with <c>unavailable:</c>.</summary>
public sealed record GradeFailedMessage(string SessionId, string AnswerId, int Turn, string Error);

/// <summary>The <c>Completed</c> event, also the summary of an ended interview.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Status"><c>completed</c> (every question asked) or <c>ended</c> (ended early).</param>
/// <param name="OverallScore">0–100: the mean over the planned questions (skipped and not reached count 0); null when the feedback is <c>none</c>.</param>
/// <param name="Answered">How many planned questions were answered.</param>
/// <param name="Total">Questions in the plan.</param>
/// <param name="Questions">Every planned question, in plan order.</param>
/// <param name="Strengths">Answered questions scoring 80 or more, best first.</param>
/// <param name="Gaps">Key points not covered, grouped under their answered question.</param>
public sealed record CompletedMessage(
    string SessionId,
    string Status,
    double? OverallScore,
    int Answered,
    int Total,
    IReadOnlyList<QuestionScore> Questions,
    IReadOnlyList<Strength> Strengths,
    IReadOnlyList<QuestionGaps> Gaps);

/// <summary>A planned question's result: its last question score.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Text">Its text.</param>
/// <param name="Category">Its category id.</param>
/// <param name="Index">1-based position in the plan.</param>
/// <param name="Score">Its last <c>questionScore</c> (0 when skipped or not reached); null when the feedback is <c>none</c>.</param>
/// <param name="Status"><c>answered</c>, <c>skipped</c> or <c>not_reached</c> (the interview ended first).</param>
/// <param name="FollowUpAsked">True when a follow-up was asked.</param>
/// <param name="KeyPoints">Each key point at its best status; only for answered questions, and only when the feedback shows key points.</param>
public sealed record QuestionScore(
    string QuestionId,
    string Text,
    string Category,
    int Index,
    double? Score,
    string Status,
    bool FollowUpAsked,
    IReadOnlyList<KeyPointResult>? KeyPoints);

/// <summary>A key point's best status over a question's answers.</summary>
public sealed record KeyPointResult(string Id, string Text, KeyPointStatus Status, double Weight);

/// <summary>An answered question the candidate did well (80 or more).</summary>
public sealed record Strength(string QuestionId, string Text, string Category, string CategoryTitle, double Score);

/// <summary>An answered question's key points not covered, heaviest first.</summary>
public sealed record QuestionGaps(string QuestionId, string Text, int Index, double Score, IReadOnlyList<Gap> KeyPoints);

/// <summary>A key point the candidate did not cover, and what to study.</summary>
/// <param name="KeyPointId">The key point.</param>
/// <param name="KeyPoint">The key point's text.</param>
/// <param name="Status"><c>missing</c> or <c>partial</c>.</param>
/// <param name="Weight">The key point's weight in the question's score.</param>
/// <param name="Study">The model answer's wording for this point; only in practice interviews.</param>
public sealed record Gap(
    string KeyPointId,
    string KeyPoint,
    KeyPointStatus Status,
    double Weight,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Study);

/// <summary>Writes <see cref="GradedMessage"/> as one flat object: sessionId, answerId, then the grade's own fields.</summary>
internal sealed class GradedMessageConverter : JsonConverter<GradedMessage>
{
    public override GradedMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var grade = Find(root, "grader", options) is null ? null : root.Deserialize<GradeResult>(options);
        return new GradedMessage(
            Find(root, "sessionId", options)?.GetString() ?? throw new JsonException("A Graded message needs 'sessionId'."),
            Find(root, "answerId", options)?.GetString() ?? throw new JsonException("A Graded message needs 'answerId'."),
            Find(root, "questionId", options)?.GetString() ?? string.Empty,
            Find(root, "turn", options)?.GetInt32() ?? 0,
            grade,
            Find(root, "questionScore", options)?.GetDouble(),
            Find(root, "gained", options)?.GetDouble(),
            Find(root, "weights", options)?.Deserialize<Dictionary<string, double>>(options));
    }

    public override void Write(Utf8JsonWriter writer, GradedMessage value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(Name("sessionId", options), value.SessionId);
        writer.WriteString(Name("answerId", options), value.AnswerId);
        writer.WriteNumber(Name("turn", options), value.Turn);
        if (value.Grade is null)
        {
            writer.WriteString(Name("questionId", options), value.QuestionId);
        }
        else
        {
            WriteMembers(writer, value.Grade, options);
        }
        if (value.QuestionScore is { } questionScore)
        {
            writer.WriteNumber(Name("questionScore", options), questionScore);
        }
        if (value.Gained is { } gained)
        {
            writer.WriteNumber(Name("gained", options), gained);
        }
        if (value.Weights is not null)
        {
            writer.WritePropertyName(Name("weights", options));
            JsonSerializer.Serialize(writer, value.Weights, options);
        }
        writer.WriteEndObject();
    }

    // The grade's members are copied into this object as the serializer wrote them (with this writer's escaping), without
    // parsing them into a JsonDocument: every Graded message comes through here. The buffer is the thread's own (Write does not await).
    private static void WriteMembers(Utf8JsonWriter writer, GradeResult grade, JsonSerializerOptions options)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        using (var gradeWriter = new Utf8JsonWriter(buffer, writer.Options))
        {
            JsonSerializer.Serialize(gradeWriter, grade, options);
        }
        var json = buffer.WrittenSpan;
        var reader = new Utf8JsonReader(json);
        reader.Read(); // the grade's {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            writer.WritePropertyName(reader.ValueSpan);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            writer.WriteRawValue(json[start..(int)reader.BytesConsumed], skipInputValidation: true);
        }
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private static string Name(string camelCase, JsonSerializerOptions options) =>
        options.PropertyNamingPolicy is null ? char.ToUpperInvariant(camelCase[0]) + camelCase[1..] : camelCase;

    private static JsonElement? Find(JsonElement root, string camelCase, JsonSerializerOptions options)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, Name(camelCase, options), StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                return property.Value;
            }
        }
        return null;
    }
}
