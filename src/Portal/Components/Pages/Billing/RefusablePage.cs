using BackOffice.Core.Common;
using BackOffice.Portal.Components.Shared;
using BackOffice.Portal.Session;

namespace BackOffice.Portal.Components.Pages.Billing;

/// <summary>
/// A billing page whose reads the core may refuse: a refusal (not allowed, or nothing there for this person) replaces the whole
/// page with the portal's access-denied or not-found view; any other problem shows in place.
/// </summary>
public abstract class RefusablePage : PortalPage
{
    /// <summary>Why the page shows nothing of its own, when the core refused its read.</summary>
    protected DomainException? Refusal { get; private set; }

    protected async Task<bool> ReadAsync(Func<Actor, Task> read)
    {
        try
        {
            await read(Actor);
            Refusal = null;
            return true;
        }
        catch (DomainException ex) when (ex is ForbiddenException or NotFoundException)
        {
            Refusal = ex;
            return false;
        }
        catch (DomainException ex)
        {
            Problem = ex.ForPerson();
            return false;
        }
    }
}
