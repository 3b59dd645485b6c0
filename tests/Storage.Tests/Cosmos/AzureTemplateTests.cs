using System.Text;
using BackOffice.Storage.Cosmos;

namespace BackOffice.Storage.Tests.Cosmos;

/// <summary>
/// In Azure the app signs in with a data-plane role only and cannot create containers: the templates must declare exactly the
/// containers the store creates locally, with the same partition keys and composite indexes.
/// </summary>
public sealed class AzureTemplateTests
{
    [Fact]
    public void TheCosmosTemplate_DeclaresEveryContainer_WithItsPartitionKeyAndCompositeIndexes()
    {
        var template = File.ReadAllText(Path.Combine(RepositoryRoot(), "infra", "bicep", "modules", "cosmos.bicep"));
        var expected = ContainersVariable();

        Assert.True(template.Contains(expected, StringComparison.Ordinal), $"cosmos.bicep should declare its containers as:\n{expected}");
    }

    /// <summary>The containers as the template's <c>containers</c> variable writes them.</summary>
    private static string ContainersVariable()
    {
        var text = new StringBuilder("var containers = [\n");
        foreach (var container in CosmosContainers.All())
        {
            text.Append($"  {{\n    name: '{container.Id}'\n    partitionKey: '{container.PartitionKeyPath}'\n    compositeIndexes: [\n");
            foreach (var index in container.IndexingPolicy.CompositeIndexes)
                text.Append("      [").Append(string.Join(", ", index.Select(p =>
                    $"{{ path: '{p.Path}', order: '{(p.Order == Microsoft.Azure.Cosmos.CompositePathSortOrder.Descending ? "descending" : "ascending")}' }}"))).Append("]\n");
            text.Append("    ]\n  }\n");
        }
        return text.Append(']').ToString();
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BackOffice.Saas.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
