using Interviewer.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Interviewer.Api.OpenApi;

/// <summary>
/// Declares the reviewer key as the document's bearer scheme and requires it on exactly the operations that need it
/// (those behind <see cref="ReviewerPolicy"/>); public routes carry no security requirement.
/// </summary>
internal sealed class ReviewerKeySecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "reviewerKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A reviewer key (Interviewer:Security:ReviewerKeys), sent as 'Authorization: Bearer <key>'. See docs/security.md.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var needsReviewer = context.Description.ActionDescriptor.EndpointMetadata
            .OfType<IAuthorizeData>().Any(a => a.Policy == ReviewerPolicy.Name);
        if (needsReviewer)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        }
        return Task.CompletedTask;
    }
}
