using System.Text.Json;
using BackOffice.Core.Common;
using BackOffice.Core.Queues.Supervise;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.Checklist;
using BackOffice.Core.WorkItems.ResolveWorkItem;
using BackOffice.Core.WorkItems.SubmitWorkItem;
using BackOffice.Core.WorkItems.WaitOnClient;
using BackOffice.ServiceDefaults.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackOffice.Portal.Browser.Tests;

/// <summary>Puts work in the state a journey starts from, through the core's use cases, as the demo people would.</summary>
public sealed class WorkItemSetup(PortalServer server)
{
    private T Use<T>() where T : notnull => server.Services.GetRequiredService<T>();

    public Actor As(string subject)
    {
        var user = DemoDirectory.Users.Single(u => u.Subject == subject);
        var provider = Use<IOptions<PlatformAuthOptions>>().Value.ProviderDirectoryId;
        return new Actor(user.Subject, user.Name, new HashSet<string> { user.Role }, user.DirectoryId ?? provider);
    }

    /// <summary>A typed new hire Nora submits for Northwind.</summary>
    public Task<WorkItem> SubmitHireAsync(string title, string fullName = "Hana Typed") =>
        Use<SubmitWorkItem>().HandleAsync(As("nora-northwind"), "northwind", new SubmitWorkItemRequest("hr", "new-hire", "p2", title, "Starts soon.",
            JsonSerializer.SerializeToElement(new
            {
                fullName, email = "hana@example.test", startDate = "2027-01-04", position = "Analyst", department = "Finance",
                pay = new { amount = 52000, currency = "GBP", frequency = "annual" }, bankAccount = "GB29NWBK60161331926819",
            })), default);

    public Task<WorkItem> SubmitGeneralAsync(string title, string description = "Please look into it.") =>
        Use<SubmitWorkItem>().HandleAsync(As("nora-northwind"), "northwind", new SubmitWorkItemRequest("hr", "general", "p3", title, description), default);

    /// <summary>Sam Supervisor hands the item to Alex Agent, who then holds its claim.</summary>
    public Task<WorkItem> AssignToAlexAsync(WorkItem item) =>
        Use<SuperviseQueue>().AssignAsync(As("sam-supervisor"), "northwind", item.Id, new AssignRequest("alex-agent"), item.Version, default);

    /// <summary>Alex asks Northwind a question: the item waits on the client.</summary>
    public Task<WorkItem> AskAsAlexAsync(WorkItem item, string question) =>
        Use<WaitOnClient>().AskAsync(As("alex-agent"), "northwind", item.Id, new AskClientRequest(question), item.Version, default);

    /// <summary>Alex ticks every step and resolves the item: it waits for Northwind's confirmation.</summary>
    public async Task<WorkItem> ResolveAsAlexAsync(WorkItem item)
    {
        item = await TickAllAsAlexAsync(item);
        return await Use<ResolveWorkItem>().HandleAsync(As("alex-agent"), "northwind", item.Id, new ResolveWorkItemRequest("Set up as asked.", ResolutionFields.Example(item.Type, DateOnly.FromDateTime(DateTime.UtcNow))), item.Version, default);
    }

    /// <summary>Alex ticks every step of the item's checklist: it is ready to resolve.</summary>
    public async Task<WorkItem> TickAllAsAlexAsync(WorkItem item)
    {
        foreach (var step in item.Checklist.Select(s => s.Name).ToList())
            item = await Use<TickStep>().HandleAsync(As("alex-agent"), "northwind", item.Id, step, item.Version, default);
        return item;
    }
}
