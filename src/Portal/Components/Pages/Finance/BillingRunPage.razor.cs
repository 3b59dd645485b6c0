using BackOffice.Core.Finance.Invoices;
using BackOffice.Core.Finance.Runs;
using BackOffice.Core.Finance.Runs.ManageRuns;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace BackOffice.Portal.Components.Pages.Finance;

/// <summary>
/// A run's preview: its status and tallies and the invoices it made. While the billing worker drafts or issues it, the page
/// reads it again every two seconds until the worker has moved it on; approving asks first, then issues through the worker.
/// </summary>
public partial class BillingRunPage
{
    private const int InvoicePage = 100;
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    [Inject] private ManageBillingRuns Runs { get; set; } = default!;
    [Inject] private FinanceExports Exports { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    [Parameter] public Guid RunId { get; set; }

    private readonly CancellationTokenSource _stop = new();
    private BillingRunView? view;
    private List<TenantInvoice> invoices = [];
    private string? cursor;
    private ApproveRunDialog approve = default!;
    private bool busy;
    private int _polling;

    private bool Working => view?.Run.Status is RunStatus.Drafting or RunStatus.Issuing;

    protected override async Task LoadAsync()
    {
        if (!await ReadAsync(async actor =>
        {
            view = await Runs.GetAsync(actor, RunId, default);
            var page = await Runs.InvoicesAsync(actor, RunId, InvoicePage, null, default);
            (invoices, cursor) = ([.. page.Items], page.NextCursor);
        })) return;
        if (Working) Poll();
    }

    /// <summary>Reads the run every two seconds on this circuit until the worker has moved it on (or the page is left).</summary>
    private void Poll()
    {
        if (!RendererInfo.IsInteractive || Interlocked.Exchange(ref _polling, 1) == 1) return;
        var stop = _stop.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                using var timer = new PeriodicTimer(PollEvery);
                while (Working && await timer.WaitForNextTickAsync(stop))
                    await InvokeAsync(async () =>
                    {
                        if (stop.IsCancellationRequested) return;
                        await LoadAsync();
                        StateHasChanged();
                    });
            }
            catch (OperationCanceledException) { }
            finally { Interlocked.Exchange(ref _polling, 0); }
        });
    }

    private async Task MoreAsync() =>
        await RunAsync(async actor =>
        {
            var page = await Runs.InvoicesAsync(actor, RunId, InvoicePage, cursor, default);
            invoices.AddRange(page.Items);
            cursor = page.NextCursor;
        });

    private async Task ApprovedAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task DownloadAsync()
    {
        busy = true;
        await RunAsync(async actor => await Js.SaveAsync(await Exports.InvoicesAsync(actor, RunId, null, default)));
        busy = false;
    }

    private static string Step(RunStatus status) => status switch
    {
        RunStatus.Drafting => "The billing worker is drafting the invoices; this page updates itself.",
        RunStatus.Draft => "Drafts ready: review them, leave a client out or adjust an invoice, then approve the run.",
        RunStatus.Issuing => "Approved: the billing worker is issuing the invoices; this page updates itself.",
        _ => "Every invoice of the run is issued.",
    };

    protected override void Disposing()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
