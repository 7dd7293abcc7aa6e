using Interviewer.Api.Input;
using Interviewer.Api.Security;
using Interviewer.Rubrics.Loading;
using Interviewer.Rubrics.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Interviewer.Api.Banks;

/// <summary><c>GET /api/banks</c> and <c>GET /api/banks/{id}</c>: model answers and phrases only for reviewers.</summary>
public static class BanksApi
{
    /// <summary>Maps the bank routes.</summary>
    public static RouteGroupBuilder MapBanksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/banks").WithTags("Banks");
        group.MapGet("/", (BankCatalog catalog) => TypedResults.Ok(catalog.Banks.Select(BankSummary.From).ToList()))
            .WithSummary("The question banks.");
        group.MapGet("/{id}", GetBankAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A bank's categories and questions; key points, model answers, concepts and follow-ups only with a reviewer key.");
        return group;
    }

    private static async Task<Results<Ok<QuestionBank>, Ok<PublicBank>, ProblemHttpResult>> GetBankAsync(
        string id, BankCatalog catalog, HttpContext context)
    {
        var resolution = catalog.Resolve(id);
        if (resolution.Bank is not { } bank)
        {
            return ApiProblems.Bank(resolution);
        }
        return await context.IsReviewerAsync() ? TypedResults.Ok(bank) : TypedResults.Ok(PublicBank.From(bank));
    }
}

/// <summary>A bank in a list.</summary>
public sealed record BankSummary(string Id, string Title, string Language, int Version, IReadOnlyList<Category> Categories, int QuestionCount)
{
    internal static BankSummary From(QuestionBank bank) =>
        new(bank.Id, bank.Title, bank.Language, bank.Version, bank.Categories, bank.Questions.Count);
}

/// <summary>A bank as candidates may see it: question ids, texts, categories and counts — nothing a key point says.</summary>
public sealed record PublicBank(string Id, string Title, string Language, int Version, IReadOnlyList<Category> Categories, IReadOnlyList<PublicQuestion> Questions)
{
    internal static PublicBank From(QuestionBank bank) => new(bank.Id, bank.Title, bank.Language, bank.Version, bank.Categories,
        bank.Questions.Select(q => new PublicQuestion(q.Id, q.Category, q.Text, q.KeyPoints.Count)).ToList());
}

/// <summary>A question without its model answer or key points: only how many key points it is graded on.</summary>
public sealed record PublicQuestion(string Id, string Category, string Text, int KeyPointCount);
