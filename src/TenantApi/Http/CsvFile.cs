using BackOffice.Core.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Http;

/// <summary>A CSV export the core wrote (and audited), as a download.</summary>
public static class CsvFile
{
    public static FileContentHttpResult From(CsvExport export) => TypedResults.File(export.Content, CsvExport.ContentType, export.FileName);
}
