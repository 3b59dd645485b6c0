using System.Text.Json.Nodes;
using BackOffice.Core.Billing;
using BackOffice.Core.Common;
using BackOffice.Core.Hr;
using BackOffice.Core.Imports;
using BackOffice.Core.Notifications;
using BackOffice.Core.Orders;
using BackOffice.Core.Tenancy;
using BackOffice.Core.Webhooks;
using BackOffice.Core.WorkItems;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BackOffice.TenantApi.OpenApi;

/// <summary>
/// Lines, priorities, statuses, work types, notification kinds and e-mail modes travel as strings the core validates; the
/// document lists their values (kebab-case, as on the wire) on the body properties and query parameters that carry them.
/// </summary>
internal sealed class WireEnumsTransformer : IOpenApiSchemaTransformer, IOpenApiOperationTransformer
{
    public static readonly IReadOnlyList<string> WorkTypeNames = Enum.GetValues<ServiceLine>().SelectMany(WorkTypes.Of).Distinct().ToList();

    /// <summary>Whose status a "status" is, by the start of the type or path segment that carries it.</summary>
    private static readonly (string Owner, IReadOnlyList<string> Names)[] Statuses =
    [
        ("WorkItem", EnumText.Names<WorkItemStatus>()), ("work-items", EnumText.Names<WorkItemStatus>()),
        ("Tenant", EnumText.Names<TenantStatus>()), ("Order", EnumText.Names<OrderStatus>()), ("orders", EnumText.Names<OrderStatus>()),
        ("WebhookDelivery", EnumText.Names<WebhookDeliveryStatus>()), ("deliveries", EnumText.Names<WebhookDeliveryStatus>()),
        ("Import", EnumText.Names<ImportStatus>()), ("Invoice", EnumText.Names<InvoiceStatus>()), ("invoices", EnumText.Names<InvoiceStatus>()),
        ("Employee", EnumText.Names<EmployeeStatus>()),
    ];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not { } property) return Task.CompletedTask;
        var textual = property.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType);
        if (textual && ValuesOf(property.Name, property.DeclaringType.Name) is { } values)
            Restrict(schema.Type?.HasFlag(JsonSchemaType.Array) == true ? schema.Items as OpenApiSchema : schema, values);
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = context.Description.RelativePath ?? "";
        var owner = path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(s => !s.StartsWith('{')) ?? "";
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            if (parameter.In == ParameterLocation.Query && ValuesOf(parameter.Name ?? "", owner) is { } values)
                parameter.Schema = Restrict(new OpenApiSchema { Type = JsonSchemaType.String }, values);
        return Task.CompletedTask;
    }

    /// <param name="owner">The CLR type holding the property, or the path segment of a query parameter.</param>
    private static IReadOnlyList<string>? ValuesOf(string name, string owner) => name switch
    {
        "priority" => EnumText.Names<Priority>(),
        "serviceLine" or "serviceLines" or "line" or "lines" => EnumText.Names<ServiceLine>(),
        "type" when owner.Contains("WorkItem", StringComparison.Ordinal) || owner.StartsWith("work-items", StringComparison.Ordinal) => WorkTypeNames,
        "status" => Statuses.FirstOrDefault(s => owner.StartsWith(s.Owner, StringComparison.Ordinal)).Names,
        "kind" when owner.Contains("Notification", StringComparison.Ordinal) || owner.StartsWith("KindPreference", StringComparison.Ordinal) =>
            EnumText.Names<NotificationKind>(),
        "email" when owner.StartsWith("KindPreference", StringComparison.Ordinal) => EnumText.Names<EmailMode>(),
        _ => null,
    };

    private static OpenApiSchema? Restrict(OpenApiSchema? schema, IReadOnlyList<string> values)
    {
        if (schema is not null) schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        return schema;
    }
}
