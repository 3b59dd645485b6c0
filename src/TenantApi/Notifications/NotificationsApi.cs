using BackOffice.Core.Common;
using BackOffice.Core.Notifications;
using BackOffice.TenantApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BackOffice.TenantApi.Notifications;

/// <param name="ReadAt">When the caller marked it read; null while unread.</param>
public sealed record NotificationResponse(Guid Id, string TenantId, string Kind, Guid ItemId, string Title, string Text, DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt)
{
    public static NotificationResponse From(Notification n) => new(n.Id, n.TenantId, n.Kind.ToText(), n.ItemId, n.Title, n.Text, n.CreatedAt, n.ReadAt);
}

/// <param name="Latest">The few newest, read or not, as the bell shows them.</param>
public sealed record NotificationSummaryResponse(int Unread, IReadOnlyList<NotificationResponse> Latest);

/// <param name="Ids">The notifications to mark read; null or left out for all of the caller's.</param>
public sealed record MarkReadRequest(IReadOnlyList<Guid>? Ids);

/// <param name="Marked">How many of them were unread until now.</param>
public sealed record MarkReadResponse(int Marked);

public sealed record KindPreferenceResponse(string Kind, bool InApp, string Email)
{
    public static KindPreferenceResponse From(KindPreference p) => new(p.Kind.ToText(), p.InApp, p.Email.ToText());
}

/// <param name="Kinds">One row per kind the caller can receive, with their choice or the default.</param>
public sealed record PreferencesResponse(IReadOnlyList<KindPreferenceResponse> Kinds)
{
    public static PreferencesResponse From(IReadOnlyList<KindPreference> kinds) => new(kinds.Select(KindPreferenceResponse.From).ToList());
}

/// <summary>The caller's own notifications and settings, whoever they are; nobody reads or changes another's.</summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/me/notifications").WithTags("Notifications").CallerOwned();
        mine.MapGet("/", List).WithSummary("List my notifications");
        mine.MapGet("/summary", Summary).WithSummary("Count my unread notifications");
        mine.MapPost("/read", MarkRead).WithSummary("Mark my notifications read");
        mine.MapGet("/preferences", Preferences).WithSummary("Read my notification settings");
        mine.MapPut("/preferences", SavePreferences).WithSummary("Change my notification settings");
        return api;
    }

    /// <summary>The caller's notifications in the Portal's bell, newest first.</summary>
    private static async Task<Ok<PageResponse<NotificationResponse>>> List(int? pageSize, string? cursor, CurrentActor actor, ManageNotifications useCase,
        CancellationToken ct) =>
        TypedResults.Ok(PageResponse<NotificationResponse>.From(await useCase.ListAsync(actor, pageSize, cursor, ct), NotificationResponse.From));

    private static async Task<Ok<NotificationSummaryResponse>> Summary(CurrentActor actor, ManageNotifications useCase, CancellationToken ct)
    {
        var summary = await useCase.SummaryAsync(actor, ct);
        return TypedResults.Ok(new NotificationSummaryResponse(summary.Unread, summary.Latest.Select(NotificationResponse.From).ToList()));
    }

    /// <summary>Marks the given notifications read, or all of the caller's when `ids` is left out (or there is no body).</summary>
    private static async Task<Ok<MarkReadResponse>> MarkRead(MarkReadRequest? request, CurrentActor actor, ManageNotifications useCase, CancellationToken ct) =>
        TypedResults.Ok(new MarkReadResponse(await useCase.MarkReadAsync(actor, request?.Ids, ct)));

    private static async Task<Ok<PreferencesResponse>> Preferences(CurrentActor actor, ManageNotifications useCase, CancellationToken ct) =>
        TypedResults.Ok(PreferencesResponse.From(await useCase.PreferencesAsync(actor, ct)));

    /// <summary>Changes the kinds given (each with `kind`, `inApp` and `email`); kinds left out keep what they had. Answers every kind's settings.</summary>
    private static async Task<Ok<PreferencesResponse>> SavePreferences(PreferencesRequest request, CurrentActor actor, ManageNotifications useCase,
        CancellationToken ct) =>
        TypedResults.Ok(PreferencesResponse.From(await useCase.SavePreferencesAsync(actor, request, ct)));
}
