using NetArchTest.Rules;

namespace BackOffice.Core.Tests;

public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Core = typeof(Core.Common.Actor).Assembly;
    private static readonly System.Reflection.Assembly Portal = typeof(Portal.PortalExtensions).Assembly;

    /// <summary>The three roles the host composes.</summary>
    private static readonly string[] RoleNames = ["BackOffice.Portal", "BackOffice.TenantApi", "BackOffice.Workers"];

    public static TheoryData<string> Roles => new(RoleNames);

    private static readonly string[] Adapters =
        ["BackOffice.Storage.Sqlite", "BackOffice.Blobs.Local", "BackOffice.Blobs.Azure", "BackOffice.Billing.Stripe", "BackOffice.Webhooks.Http", "BackOffice.Email.Smtp"];

    private static IEnumerable<string> OursReferencedBy(string assembly) =>
        System.Reflection.Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("BackOffice", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Roles))]
    public void ARole_ReferencesNoOtherRole_AndNoAdapter_OnlyTheCoreAndTheServiceDefaults(string role)
    {
        var ours = OursReferencedBy(role).ToList();

        Assert.Empty(ours.Intersect(RoleNames.Where(r => r != role)));
        Assert.Empty(ours.Intersect(Adapters));
        Assert.All(ours, name => Assert.Contains(name, new[] { "BackOffice.Core", "BackOffice.ServiceDefaults" }));
    }

    [Fact]
    public void TheHost_ComposesEveryRoleAndAdapter()
    {
        var ours = OursReferencedBy("BackOffice.Host").ToHashSet();

        Assert.Empty(RoleNames.Concat(Adapters).Except(ours));
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.Azure")]
    [InlineData("Microsoft.Data.Sqlite")]
    [InlineData("BackOffice.Storage")]
    [InlineData("BackOffice.ServiceDefaults")]
    [InlineData("BackOffice.Webhooks")]
    [InlineData("System.Net.Http")]
    [InlineData("BackOffice.Email")]
    [InlineData("MailKit")]
    [InlineData("Stripe")]
    [InlineData("BackOffice.Billing")]
    public void Core_DependsOnNoFrameworkOrAdapter(string forbidden)
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"Core types depending on {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void PortalPages_UseNoAdapterDirectly()
    {
        var result = Types.InAssembly(Portal).That().ResideInNamespace("BackOffice.Portal.Components")
            .ShouldNot().HaveDependencyOn("BackOffice.Storage").GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>The Portal reaches data only through the core's use cases, so its pages get the API's rules of isolation, roles and masking.</summary>
    [Fact]
    public void Portal_UsesNoStoreOrQueuePort_OnlyUseCases()
    {
        var ports = Core.GetTypes()
            .Where(t => t.IsInterface && (t.Name.EndsWith("Store", StringComparison.Ordinal) || PortNames.Contains(t.Name)))
            .Select(t => t.FullName!).ToArray();
        Assert.Contains("BackOffice.Core.WorkItems.IWorkItemStore", ports);

        var result = Types.InAssembly(Portal).ShouldNot().HaveDependencyOnAny(ports).GetResult();

        Assert.True(result.IsSuccessful, $"Portal types using a store directly: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    private static readonly HashSet<string> PortNames = ["IWorkQueue", "IOutbox", "IResolvedWork", "ISlaDeadlines", "IAuditTrail"];

    [Fact]
    public void CoreReferences_NoOtherAssemblyOfOurs()
    {
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name!.StartsWith("BackOffice", StringComparison.Ordinal));
    }
}
