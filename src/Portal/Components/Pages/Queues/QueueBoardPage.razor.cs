using BackOffice.Core.Common;
using BackOffice.Core.Live;
using BackOffice.Core.Queues.ReadQueues;
using BackOffice.Core.Queues.Supervise;
using BackOffice.Core.Routing;
using BackOffice.Core.Routing.ManageAgents;
using BackOffice.Core.Sla.Alerts;
using BackOffice.Portal.Display;
using BackOffice.Portal.Session;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Portal.Components.Pages.Queues;

/// <summary>One queue at a time (cheap counts, not the whole backlog), every queue's waiting count in the tabs; moves work by hand.</summary>
public partial class QueueBoardPage
{
    private const int AlertPageSize = 10;

    [Inject] private ReadQueues Queues { get; set; } = default!;
    [Inject] private ReadQueueBoard Boards { get; set; } = default!;
    [Inject] private SuperviseQueue Supervise { get; set; } = default!;
    [Inject] private ReadSlaAlerts SlaAlerts { get; set; } = default!;
    [Inject] private ManageAgents Agents { get; set; } = default!;
    [CascadingParameter] public ViewerZone? Viewer { get; set; }

    private IReadOnlyList<QueueSummary> queues = [];
    private string queue = "hr";
    private QueueBoard? board;
    private IReadOnlyList<AgentProfile> agents = [];
    private readonly HashSet<Guid> selected = [];
    private string? agent, reason, loadProblem, alertProblem;
    private bool acting, unacknowledgedOnly = true;
    private int refreshes;
    private List<Outcome> outcomes = [];
    private Page<SlaAlert> alerts = new([], null);
    private string? alertCursor;
    private readonly Stack<string?> alertCursors = new();

    private sealed record Outcome(string Title, bool Done, string? Error);

    private string Zone => Viewer?.ZoneId ?? "UTC";

    private IReadOnlyList<AtRiskItem> AtRisk => [.. board!.AtRisk.Where(i => !IsBreached(i)).OrderBy(i => i.NextDue?.At ?? DateTimeOffset.MaxValue)];

    private IReadOnlyList<AtRiskItem> Breached => [.. board!.AtRisk.Where(IsBreached).OrderBy(i => i.NextDue?.At)];

    private static bool IsBreached(AtRiskItem item) => item.NextDue?.At <= DateTimeOffset.UtcNow;

    private static string QueueName(string name)
    {
        var (line, tenant) = Core.Queues.QueueName.Parse(name);
        return tenant is null ? Names.Line(line) : $"{Names.Line(line)}, {Names.Slug(tenant)}'s team";
    }

    protected override async Task LoadAsync()
    {
        (loadProblem, var shown) = (null, Problem);
        var ok = await RunAsync(async actor =>
        {
            queues = await Queues.ListAsync(actor, default);
            board = await Boards.ReadAsync(actor, queue, default);
            agents = await Agents.ListAsync(actor, default);
        });
        (loadProblem, Problem) = ok ? (null, shown) : (Problem, shown);
        await LoadAlertsAsync();
        refreshes++;
        RefreshOn(null, s => s.Topic is ChangeTopics.WorkItem or ChangeTopics.Alert);
    }

    private async Task ShowAsync(string name)
    {
        (queue, alertCursor) = (name, null);
        alertCursors.Clear();
        selected.Clear();
        outcomes = [];
        await LoadAsync();
    }

    private async Task LoadAlertsAsync()
    {
        alertProblem = null;
        var query = new SlaAlertQuery(queue, unacknowledgedOnly, AlertPageSize, alertCursor);
        if (!await RunAsync(async actor => alerts = await SlaAlerts.ListForSupervisorsAsync(actor, query, default))) (alertProblem, Problem) = (Problem, null);
    }

    private Task FilterAlertsAsync(bool only)
    {
        (unacknowledgedOnly, alertCursor) = (only, null);
        alertCursors.Clear();
        return LoadAlertsAsync();
    }

    private Task NextAlertsAsync()
    {
        alertCursors.Push(alertCursor);
        alertCursor = alerts.NextCursor;
        return LoadAlertsAsync();
    }

    private Task PreviousAlertsAsync()
    {
        alertCursor = alertCursors.Count > 0 ? alertCursors.Pop() : null;
        return LoadAlertsAsync();
    }

    private async Task AcknowledgeAsync(SlaAlert alert)
    {
        if (!await RunAsync(actor => SlaAlerts.AcknowledgeAsync(actor, alert.Id, default))) (alertProblem, Problem) = (Problem, null);
        else await LoadAlertsAsync();
    }

    /// <summary>One item is assigned as the board showed it (refused if it changed hands meanwhile); several go through the bulk use case, each on its own.</summary>
    private Task AssignAsync() => ActAsync(async (actor, items) =>
    {
        if (items.Count != 1) return await Supervise.BulkAsync(actor, new BulkRequest("assign", agent, null, Targets(items)), default);
        var one = items[0];
        try
        {
            await Supervise.AssignAsShownAsync(actor, one.TenantId, one.ItemId, new AssignRequest(agent), one.Version, one.Assignee, default);
            return [new BulkOutcome(one.TenantId, one.ItemId, true, null)];
        }
        catch (DomainException ex)
        {
            return [new BulkOutcome(one.TenantId, one.ItemId, false, ex.ForPerson())];
        }
    });

    private Task ReturnAsync() => ActAsync(async (actor, items) =>
        await Supervise.BulkAsync(actor, new BulkRequest("return", null, reason, Targets(items)), default));

    /// <summary>A pick changed in one of the lists: rendering the page again updates the count and the buttons.</summary>
    private static void Picked() { }

    private static List<BulkTarget> Targets(IEnumerable<AtRiskItem> items) => [.. items.Select(i => new BulkTarget(i.TenantId, i.ItemId))];

    private async Task ActAsync(Func<Actor, IReadOnlyList<AtRiskItem>, Task<IReadOnlyList<BulkOutcome>>> act)
    {
        var items = board!.AtRisk.Concat(board.Claimed).Where(i => selected.Contains(i.ItemId)).DistinctBy(i => i.ItemId).ToList();
        var titles = items.ToDictionary(i => i.ItemId, i => i.Title);
        acting = true;
        IReadOnlyList<BulkOutcome> done = [];
        try
        {
            if (!await RunAsync(async actor => done = await act(actor, items))) return;
            outcomes = [.. done.Select(o => new Outcome(titles.GetValueOrDefault(o.ItemId, "An item"), o.Done, o.Error))];
            selected.Clear();
            await LoadAsync();
        }
        finally { acting = false; }
    }
}
