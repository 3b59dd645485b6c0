using BackOffice.Core.Common;

namespace BackOffice.Portal.Session;

public static class DomainErrors
{
    /// <summary>What went wrong, in one line for the person at the screen: each field's message for bad input.</summary>
    public static string ForPerson(this DomainException ex) =>
        ex is ValidationException v ? string.Join(" ", v.Errors.SelectMany(e => e.Value)) : ex.Message;
}
