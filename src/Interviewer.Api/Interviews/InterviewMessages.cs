using System.Text.Json;
using System.Text.Json.Serialization;
using Interviewer.Rubrics.Grading;

namespace Interviewer.Api.Interviews;

// The hub's wire records (docs/hub.md). Requests take nullable fields so that a missing one is reported as invalid_input.

/// <summary>The argument of <c>StartInterview</c>; every field is optional.</summary>
public sealed record StartInterviewRequest(
    string? BankId = null,
    int? QuestionCount = null,
    IReadOnlyList<string>? Categories = null,
    string? Grader = null,
    int? Seed = null,
    string? CandidateName = null);

/// <summary>What <c>StartInterview</c> returns; the first <c>Question</c> event follows.</summary>
public sealed record InterviewStarted(string SessionId, string ResumeToken, BankInfo Bank, int TotalQuestions);

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
public sealed record InterviewResumed(
    string SessionId,
    string Status,
    IReadOnlyList<TranscriptEntry> Transcript,
    QuestionMessage? CurrentQuestion,
    CompletedMessage? Summary);

/// <summary>One turn of an interview: the question asked, and the answer, grade or skip it received.</summary>
/// <param name="Turn">1-based turn number (every question asked, follow-ups included, is a turn).</param>
/// <param name="Question">The question as it was sent in the <c>Question</c> event.</param>
/// <param name="Answer">The answer; null when none was given (yet, or skipped).</param>
/// <param name="Grade">The answer's grade (the same JSON as <c>Graded</c> without sessionId/answerId); null until graded.</param>
/// <param name="Skipped">True when the candidate skipped this turn.</param>
public sealed record TranscriptEntry(int Turn, QuestionMessage Question, TranscriptAnswer? Answer, GradeResult? Grade, bool Skipped);

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
public sealed record QuestionMessage(string SessionId, string QuestionId, string Text, string Category, int Index, int Total, bool IsFollowUp, int Turn);

/// <summary>The <c>Graded</c> event: the grade's fields flattened beside <c>sessionId</c> and <c>answerId</c>.</summary>
[JsonConverter(typeof(GradedMessageConverter))]
public sealed record GradedMessage(string SessionId, string AnswerId, GradeResult Grade);

/// <summary>The <c>Completed</c> event, also the summary of an ended interview.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Status"><c>completed</c> (every question asked) or <c>ended</c> (ended early).</param>
/// <param name="OverallScore">0–100: the mean of the asked questions' scores (a skipped question scores 0).</param>
/// <param name="Questions">Every question asked, in plan order.</param>
/// <param name="Strengths">Best-covered areas (categories scoring 60 or more), best first.</param>
/// <param name="Gaps">Key points not covered, with the model answer's wording to study.</param>
public sealed record CompletedMessage(
    string SessionId,
    string Status,
    double OverallScore,
    IReadOnlyList<QuestionScore> Questions,
    IReadOnlyList<Strength> Strengths,
    IReadOnlyList<Gap> Gaps);

/// <summary>A question's result: the union of its answer and follow-up answer.</summary>
public sealed record QuestionScore(
    string QuestionId,
    string Text,
    string Category,
    int Index,
    double Score,
    bool Skipped,
    bool FollowUpAsked,
    IReadOnlyList<KeyPointResult> KeyPoints);

/// <summary>A key point's best status over a question's answers.</summary>
public sealed record KeyPointResult(string Id, string Text, KeyPointStatus Status);

/// <summary>An area the candidate covered well.</summary>
public sealed record Strength(string Category, string Title, double Score, IReadOnlyList<string> QuestionIds);

/// <summary>A key point the candidate did not cover, and what to study.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="KeyPointId">The key point.</param>
/// <param name="KeyPoint">The key point's text.</param>
/// <param name="Status"><c>missing</c> or <c>partial</c>.</param>
/// <param name="Study">The model answer's wording for this point (the sentence that states it, else the whole model answer).</param>
public sealed record Gap(string QuestionId, string KeyPointId, string KeyPoint, KeyPointStatus Status, string Study);

/// <summary>Writes <see cref="GradedMessage"/> as one flat object: sessionId, answerId, then the grade's own fields.</summary>
internal sealed class GradedMessageConverter : JsonConverter<GradedMessage>
{
    public override GradedMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var sessionId = Property(root, "sessionId", options);
        var answerId = Property(root, "answerId", options);
        var grade = root.Deserialize<GradeResult>(options) ?? throw new JsonException("A Graded message needs the grade's fields.");
        return new GradedMessage(sessionId, answerId, grade);
    }

    public override void Write(Utf8JsonWriter writer, GradedMessage value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(Name("sessionId", options), value.SessionId);
        writer.WriteString(Name("answerId", options), value.AnswerId);
        using var grade = JsonSerializer.SerializeToDocument(value.Grade, options);
        foreach (var property in grade.RootElement.EnumerateObject())
        {
            property.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    private static string Name(string camelCase, JsonSerializerOptions options) =>
        options.PropertyNamingPolicy is null ? char.ToUpperInvariant(camelCase[0]) + camelCase[1..] : camelCase;

    private static string Property(JsonElement root, string camelCase, JsonSerializerOptions options)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, Name(camelCase, options), StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.GetString() ?? string.Empty;
            }
        }
        throw new JsonException($"A Graded message needs '{camelCase}'.");
    }
}
