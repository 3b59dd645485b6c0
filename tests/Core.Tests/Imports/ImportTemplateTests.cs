using System.Text;
using BackOffice.Core.Imports;

namespace BackOffice.Core.Tests.Imports;

public sealed class ImportTemplateTests
{
    [Theory]
    [InlineData(ImportKind.Employees)]
    [InlineData(ImportKind.Orders)]
    public async Task Template_IsAHeaderTheParserReadsWithoutAnError_HoldingEveryRequiredColumn(ImportKind kind)
    {
        var template = ImportRows.Template(kind);
        await using var reader = new ImportFileReader(new MemoryStream(Encoding.UTF8.GetBytes(template)), kind);

        Assert.Empty(await reader.ReadHeaderAsync(default));
        Assert.Equal(ImportRows.ColumnsOf(kind), template.TrimEnd().Split(','));
        Assert.All(ImportRows.RequiredColumnsOf(kind), c => Assert.Contains(c, ImportRows.ColumnsOf(kind)));
    }
}
