namespace Interviewer.Api.Interviews;

/// <summary>The events the interview hub sends to the page.</summary>
public interface IInterviewClient
{
    /// <summary>A question to answer (the next one, or the follow-up of the last answer).</summary>
    Task Question(QuestionMessage message);

    /// <summary>An answer's grade, committed to the store before it is sent.</summary>
    Task Graded(GradedMessage message);

    /// <summary>An acknowledged answer could not be graded and was withdrawn: its turn may be answered again.</summary>
    Task GradeFailed(GradeFailedMessage message);

    /// <summary>The interview is over: the summary.</summary>
    Task Completed(CompletedMessage message);
}
