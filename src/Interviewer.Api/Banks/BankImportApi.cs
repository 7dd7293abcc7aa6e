using System.IO.Compression;
using Interviewer.Api.Hosting;
using Interviewer.Api.Input;
using Interviewer.Api.Security;
using Interviewer.Import;
using Interviewer.Import.Reading;
using Interviewer.Rubrics.Drafting;
using Interviewer.Rubrics.Loading;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Banks;

/// <summary>
/// <c>POST /api/banks/import</c> (reviewer key): an interview guide uploaded as <c>multipart/form-data</c> (field <c>file</c>;
/// optional <c>id</c>, <c>title</c>, <c>language</c>, <c>save</c>) becomes a draft bank and its review report, as JSON or, with
/// <c>?format=zip</c>, as a zip of the bank's files. <c>save=true</c> writes it into the rubrics folder and serves it at once,
/// only when <c>Interviewer:Rubrics:Writable</c> is true.
/// </summary>
public static class BankImportApi
{
    /// <summary>Maps the import route.</summary>
    public static RouteHandlerBuilder MapBankImportApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/banks/import", ImportAsync)
            .WithTags("Banks")
            .RequireReviewer()
            .Accepts<ImportForm>("multipart/form-data")
            .Produces<ImportedBank>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Import an interview guide (txt, md, html, docx, pdf) as a draft bank with a review report.")
            .WithDescription("""
                multipart/form-data: file (the guide; its extension names the format), id?, title?, language? (es|en), save? (true to write
                the bank into the rubrics folder; needs Interviewer:Rubrics:Writable=true, else 403). Returns { bank, report, savedTo? }, or with
                ?format=zip the bank's folder (bank.yaml + questions/*.yaml) as a zip. A document that cannot be read or has no question is 400
                with what was wrong; a body over Interviewer:Limits:MaxRequestBytes is 413; a bank id already in use, when saving, is 409.
                """);

    private static async Task<IResult> ImportAsync(HttpContext context, BankCatalog catalog, IOptions<LimitsOptions> limits,
        IOptions<RubricsOptions> rubrics, string? format, CancellationToken ct)
    {
        if (format is not (null or "json" or "zip"))
        {
            return ApiProblems.BadRequest("Unknown format", $"format is json (the default) or zip; got '{format}'.");
        }
        var (form, problem) = await ReadFormAsync(context, limits.Value, ct);
        if (form is null)
        {
            return problem!;
        }
        if (form.Files.GetFile("file") is not { } file)
        {
            return ApiProblems.BadRequest("No document", "Send the guide as a file in the form field 'file' (.txt, .md, .html, .docx or .pdf).");
        }
        var language = form["language"].ToString() is { Length: > 0 } given ? given : null;
        if (language is not (null or "es" or "en"))
        {
            return ApiProblems.BadRequest("Unknown language", $"language is es or en; got '{language}'.");
        }
        var save = form["save"].ToString() is { Length: > 0 } saveText && (bool.TryParse(saveText, out var s) ? s : saveText == "on");
        if (save && !rubrics.Value.Writable)
        {
            return ApiProblems.NotWritable("Download the zip (?format=zip) and add it to the rubrics folder.");
        }

        GuideImport import;
        try
        {
            var guideFormat = GuideFormats.FromFileName(file.FileName)
                ?? throw new GuideImportException($"unknown document type '{Path.GetExtension(file.FileName)}' ({file.FileName}); supported: .txt, .md, .html, .docx, .pdf.");
            using var content = new MemoryStream();
            await file.CopyToAsync(content, ct);
            import = GuideImporter.Import(GuideReader.Read(content.ToArray(), guideFormat), new ImportOptions
            {
                Id = form["id"].ToString() is { Length: > 0 } id ? id : null,
                Title = form["title"].ToString() is { Length: > 0 } title ? title : null,
                Language = language,
                FileName = file.FileName,
            });
        }
        catch (GuideImportException e)
        {
            return ApiProblems.BadRequest("Document could not be imported", $"{file.FileName}: {e.Message}");
        }

        string? savedTo = null;
        if (save)
        {
            var folder = BankCatalog.FolderOf(rubrics.Value.ResolvedPath, import.Bank.Id);
            if (catalog.Find(import.Bank.Id) is not null || Directory.Exists(folder))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Bank already exists",
                    detail: $"A bank '{import.Bank.Id}' already exists; import it under another id.");
            }
            RubricWriter.WriteBank(folder, import.Bank);
            catalog.TryAdd(BankLoader.LoadOrThrow(folder));
            savedTo = folder;
        }

        if (format == "zip")
        {
            return TypedResults.File(Zip(import), "application/zip", $"{import.Bank.Id}.zip");
        }
        return TypedResults.Ok(new ImportedBank(import.Bank, import.Report) { SavedTo = savedTo });
    }

    private static byte[] Zip(GuideImport import)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in RubricWriter.Render(import.Bank))
            {
                var entry = zip.CreateEntry($"{import.Bank.Id}/{file.Path}", CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open());
                writer.Write(file.Text);
            }
        }
        return buffer.ToArray();
    }

    private static async Task<(IFormCollection? Form, IResult? Problem)> ReadFormAsync(HttpContext context, LimitsOptions limits, CancellationToken ct)
    {
        var request = context.Request;
        var tooLarge = RequestBodyLimit.TooLarge(limits, "upload");
        if (!RequestBodyLimit.Apply(context, limits))
        {
            return (null, tooLarge);
        }
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"Send multipart/form-data with the guide in the field 'file'; got '{request.ContentType}'."));
        }
        try
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limits.MaxRequestBytes }, ct);
            return (form, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, tooLarge);
        }
        catch (InvalidDataException e)
        {
            return (null, ApiProblems.BadRequest("Invalid form", $"The multipart body could not be read: {e.Message}"));
        }
    }
}

/// <summary>The form of <c>POST /api/banks/import</c>, as the OpenAPI document describes it.</summary>
/// <param name="File">The guide: .txt, .md, .html, .docx or .pdf (its extension names the format).</param>
/// <param name="Id">The bank's id; default a slug of the file name.</param>
/// <param name="Title">The bank's title; default the document's title, else the file name.</param>
/// <param name="Language">es or en; default guessed from the questions and answers.</param>
/// <param name="Save">true to write the bank into the rubrics folder (needs Interviewer:Rubrics:Writable).</param>
public sealed record ImportForm(IFormFile File, string? Id, string? Title, string? Language, bool? Save);
