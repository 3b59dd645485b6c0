using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;

namespace BackOffice.Core.Queues;

/// <summary>Queue names: a shared queue is its line ("hr"); a tenant's dedicated queue adds the tenant ("hr.acme").</summary>
public static class QueueName
{
    public static string Of(ServiceLine line, string? dedicatedTo) => dedicatedTo is null ? line.ToText() : $"{line.ToText()}.{dedicatedTo}";

    /// <summary>The line and, for a dedicated queue, the tenant; an unknown name is a queue that does not exist.</summary>
    public static (ServiceLine Line, string? Tenant) Parse(string name)
    {
        var dot = name.IndexOf('.');
        var (line, tenant) = dot < 0 ? (name, null) : (name[..dot], name[(dot + 1)..]);
        return EnumText.TryParse<ServiceLine>(line, out var parsed) && tenant is not "" ? (parsed, tenant) : throw new NotFoundException($"Queue '{name}'");
    }
}
