using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using BackOffice.Core.WorkItems.SubmitWorkItem;
using BackOffice.Portal.Display;
using BackOffice.Portal.Session;
using Microsoft.AspNetCore.Components;

namespace BackOffice.Portal.Components.Pages.Submit;

/// <summary>A client hands over work: the core's SubmitWorkItem checks it as it checks the API's, then each file is attached.</summary>
public sealed partial class SubmitWork
{
    [Parameter] public string TenantId { get; set; } = "";
    /// <summary>Where a call to act may start the form: a line and a work type, by their wire names.</summary>
    [SupplyParameterFromQuery(Name = "line")] public string? StartLine { get; set; }
    [SupplyParameterFromQuery(Name = "type")] public string? StartType { get; set; }

    private Tenant? tenant;
    private ServiceLine line;
    private string type = WorkTypes.General;
    private Priority priority = Priority.P3;
    private string? title, description;
    private readonly Dictionary<string, PayloadValues> valuesByType = new(StringComparer.Ordinal);
    private readonly List<PickedFile> files = [];
    private WorkItem? created;
    private bool busy;

    private PayloadForm? Form => PayloadForms.For(type);

    /// <summary>What was typed for each work type is kept, so switching type and back loses nothing.</summary>
    private PayloadValues Values => valuesByType.TryGetValue(type, out var v) ? v : valuesByType[type] = new PayloadValues();

    protected override async Task LoadAsync()
    {
        if (!await RunAsync(async actor => tenant = await Tenants.GetAsync(actor, TenantId, CancellationToken.None)) || tenant is null) return;
        line = StartLine is not null && EnumText.TryParse<ServiceLine>(StartLine, out var l) && tenant.ServiceLines.Contains(l) ? l : tenant.ServiceLines[0];
        type = StartType is not null && WorkTypes.Of(line).Contains(StartType) ? StartType : WorkTypes.Of(line)[0];
    }

    private void LineChanged(ServiceLine value)
    {
        line = value;
        if (!WorkTypes.Of(line).Contains(type)) type = WorkTypes.Of(line)[0];
    }

    private string? Beside(string key, string label) => FieldMessages.Beside(ErrorFor(key), key, label);

    private async Task SubmitAsync()
    {
        if (busy || created is not null) return;
        busy = true;
        try
        {
            var request = new SubmitWorkItemRequest(line.ToText(), type, priority.ToText(), title, description, Form is { } form ? Values.ToJson(form) : null);
            WorkItem? item = null;
            if (!await RunAsync(async actor => item = await Submit.HandleAsync(actor, TenantId, request, CancellationToken.None)))
            {
                if (FieldErrors.Count > 0) Problem = Summary();
                return;
            }
            await AttachAllAsync(item!);
            if (files.All(f => f.Attached || f.Refusal is not null && !f.TriedUpload)) Navigation.NavigateTo(PortalRoutes.WorkItem(TenantId, item!.Id));
            else created = item;
        }
        finally { busy = false; }
    }

    /// <summary>Files the rules refused before upload stay out; each other one is sent, and a refusal by the upload is shown on its file.</summary>
    private async Task AttachAllAsync(WorkItem item)
    {
        foreach (var file in files.Where(f => f.Refusal is null))
        {
            file.TriedUpload = true;
            try
            {
                await using var content = file.File.OpenReadStream(AttachmentLimits.MaxBytes);
                await Attachments.AddAsync(Actor, TenantId, item.Id, file.File.Name, file.File.ContentType, content, CancellationToken.None);
                file.Attached = true;
            }
            catch (DomainException ex) { file.Refusal = ex.ForPerson(); }
            catch (IOException) { file.Refusal = "The file could not be read from your browser; attach it on the item's page."; }
        }
    }

    /// <summary>Messages shown beside their field are not repeated at the top; those of no field shown here are.</summary>
    private string Summary()
    {
        var shown = new HashSet<string>(["serviceLine", "type", "title", "priority", "description"], StringComparer.Ordinal);
        if (Form is { } form)
        {
            shown.UnionWith(form.Fields.Select(f => $"payload.{f.Key}"));
            foreach (var list in form.Lists)
            {
                shown.Add($"payload.{list.Key}");
                for (var i = 0; i < Values.Rows(list.Key).Count; i++) shown.UnionWith(list.Fields.Select(f => $"payload.{list.Key}[{i}].{f.Key}"));
            }
        }
        var elsewhere = FieldErrors.Where(e => !shown.Contains(e.Key)).SelectMany(e => e.Value).ToList();
        return elsewhere.Count == 0 ? "Please check the fields marked below." : string.Join(" ", elsewhere);
    }
}
