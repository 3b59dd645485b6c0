using System.Text;
using BackOffice.Core.Common;
using BackOffice.Core.Imports;

namespace BackOffice.Portal.Components.Pages.Imports;

/// <summary>A CSV template per kind of import, built from the parser's own columns, so a filled-in template always reads.</summary>
public static class ImportTemplates
{
    public static string Path(ImportKind kind) => $"/imports/templates/{kind.ToText()}.csv";

    public static IEndpointRouteBuilder MapImportTemplates(this IEndpointRouteBuilder app)
    {
        app.MapGet("/imports/templates/{kind}.csv", (string kind) => EnumText.TryParse<ImportKind>(kind, out var parsed)
                ? Results.File(Encoding.UTF8.GetBytes(ImportRows.Template(parsed)), "text/csv; charset=utf-8", $"{parsed.ToText()}-template.csv")
                : Results.NotFound())
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }
}
