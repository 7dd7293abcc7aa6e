namespace Interviewer.Rubrics.Model;

/// <summary>A section of a bank, such as fundamentals or behavioural questions.</summary>
/// <param name="Id">Stable identifier used by questions and interview plans.</param>
/// <param name="Title">Human-readable title in the bank's language.</param>
/// <param name="InDefaultPlan">Whether an interview that names no categories draws from this one.</param>
public sealed record Category(string Id, string Title, bool InDefaultPlan = true);
