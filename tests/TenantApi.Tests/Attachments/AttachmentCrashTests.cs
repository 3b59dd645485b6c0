using System.Net;
using System.Net.Http.Headers;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.TenantApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.TenantApi.Tests.Attachments;

/// <summary>An upload whose item cannot be saved leaves no bytes behind in the blob store.</summary>
public sealed class AttachmentCrashTests : IAsyncLifetime
{
    private readonly FailingHost _host = new();

    public Task InitializeAsync() => Api.OnboardActiveAsync(_host.ClientAs(TestUser.Admin), "acme", TestUser.AcmeDirectory);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Upload_WhenTheItemSaveFails_DeletesTheStoredBytes_AndTheItemListsNothing()
    {
        var client = _host.ClientAs(TestUser.AcmeClient);
        var url = $"/api/tenants/acme/work-items/{(await Api.SubmitAsync(client, "acme", "Contract to check"))["id"]}";
        var content = new ByteArrayContent([.. "%PDF-1.7\n"u8, .. "body"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        _host.Store.FailUpdates = true;

        var upload = await client.PostAsync($"{url}/attachments?fileName=contract.pdf", content);

        _host.Store.FailUpdates = false;
        Assert.Equal(HttpStatusCode.PreconditionFailed, upload.StatusCode);
        Assert.Empty((await Api.GetJsonAsync(client, url))["attachments"]!.AsArray());
        var folder = Path.Combine(_host.DataFolder, "attachments");
        Assert.Empty(Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories) : []);
    }

    /// <summary>The real SQLite work item store, made to fail its updates on demand, as a write lost to a concurrent change would.</summary>
    public sealed class FailingStore(IWorkItemStore inner) : IWorkItemStore
    {
        public bool FailUpdates { get; set; }

        public Task<WorkItem?> FindAsync(TenantScope scope, Guid id, CancellationToken ct) => inner.FindAsync(scope, id, ct);

        public Task<Page<WorkItem>> ListAsync(TenantScope scope, WorkItemFilter filter, int pageSize, string? cursor, CancellationToken ct) =>
            inner.ListAsync(scope, filter, pageSize, cursor, ct);

        public Task AddAsync(TenantScope scope, WorkItem item, CancellationToken ct) => inner.AddAsync(scope, item, ct);

        public Task UpdateAsync(TenantScope scope, WorkItem item, long expectedVersion, CancellationToken ct) =>
            FailUpdates ? throw new ConcurrencyConflictException($"Work item {item.Id}") : inner.UpdateAsync(scope, item, expectedVersion, ct);

        public Task<IReadOnlyDictionary<WorkItemStatus, int>> CountByStatusAsync(TenantScope scope, CancellationToken ct) => inner.CountByStatusAsync(scope, ct);

        public Task<IReadOnlyList<WorkItem>> ListOpenByDueAsync(TenantScope scope, int max, CancellationToken ct) => inner.ListOpenByDueAsync(scope, max, ct);
    }

    private sealed class FailingHost : HostFactory<ApiRole>
    {
        public FailingStore Store { get; private set; } = null!;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var real = services.Single(d => d.ServiceType == typeof(IWorkItemStore));
                services.Remove(real);
                services.AddSingleton<IWorkItemStore>(sp => Store = new FailingStore((IWorkItemStore)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
            });
        }
    }
}
