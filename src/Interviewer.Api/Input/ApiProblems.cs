using Interviewer.Api.Hosting;
using Interviewer.Api.Security;
using Interviewer.Rubrics.Loading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Interviewer.Api.Input;

/// <summary>
/// The Problem Details every route answers for the same mistake. An unknown bank is 404 wherever it is named (path, query
/// or body): the named resource does not exist, and a client handles that one way whichever route it called.
/// </summary>
internal static class ApiProblems
{
    public const string UnknownBankType = "https://github.com/interviewer/problems/unknown-bank";

    public static ProblemHttpResult Bank(BankResolution resolution) => resolution.IsUnknown
        ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Bank not found", detail: resolution.Error,
            type: UnknownBankType,
            extensions: new Dictionary<string, object?> { ["bankId"] = resolution.RequestedId, ["banks"] = resolution.Available })
        : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bank needed", detail: resolution.Error,
            extensions: new Dictionary<string, object?> { ["banks"] = resolution.Available });

    public static ProblemHttpResult Grader(string error) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Grader not available", detail: error);

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    /// <summary>A route asked to write into the rubrics folder while <c>Interviewer:Rubrics:Writable</c> is false.</summary>
    public static ProblemHttpResult NotWritable(string instead) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Saving is turned off",
            detail: $"{RubricsOptions.Section}:{nameof(RubricsOptions.Writable)} is false: banks are deployed as files. {instead}");

    public static ProblemHttpResult TooLarge(string setting, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: detail,
            extensions: new Dictionary<string, object?> { ["limit"] = $"{LimitsOptions.Section}:{setting}" });
}
