using BackOffice.Core.Exports;
using Microsoft.JSInterop;

namespace BackOffice.Portal.Components.Pages.Finance;

/// <summary>
/// Hands a CSV the core wrote on this circuit to the browser as a download: a link to the file's bytes, clicked once and
/// dropped. Built from the browser's own DOM calls, so the page needs no script of its own (the CSP allows only the site's).
/// </summary>
public static class CsvDownload
{
    public static async Task SaveAsync(this IJSRuntime js, CsvExport file)
    {
        await using var link = await js.InvokeAsync<IJSObjectReference>("document.createElement", "a");
        await link.SetValueAsync("href", $"data:{CsvExport.ContentType};base64,{Convert.ToBase64String(file.Content)}");
        await link.SetValueAsync("download", file.FileName);
        await link.InvokeVoidAsync("click");
    }
}
