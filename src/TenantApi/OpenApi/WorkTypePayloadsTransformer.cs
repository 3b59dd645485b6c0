using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Core.Common;
using BackOffice.Core.Tenancy;
using BackOffice.Core.WorkItems;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BackOffice.TenantApi.OpenApi;

/// <summary>
/// A submission's payload depends on its work type. The submission body is documented as one schema per work type
/// (its line, its type, and its payload's own schema with an example), chosen by <c>type</c>.
/// </summary>
internal sealed class WorkTypePayloadsTransformer : IOpenApiDocumentTransformer
{
    private const string Submission = "SubmitWorkItemRequest";
    private static readonly string[] Always = ["serviceLine", "type", "priority", "title"];

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue(Submission, out var found)) return;
        if (found is not OpenApiSchema submission) return;
        var variants = new List<IOpenApiSchema>();
        var mapping = new Dictionary<string, OpenApiSchemaReference>(StringComparer.Ordinal);
        foreach (var type in WireEnumsTransformer.WorkTypeNames)
        {
            var lines = Enum.GetValues<ServiceLine>().Where(l => WorkTypes.Of(l).Contains(type)).Select(l => l.ToText()).ToList();
            IOpenApiSchema? payload = null;
            if (WorkTypes.PayloadTypes.TryGetValue(type, out var record))
            {
                var name = $"{record.Name}Payload";
                document.Components.Schemas[name] = await PayloadSchemaAsync(record, context, cancellationToken);
                payload = new OpenApiSchemaReference(name, document);
            }
            var variant = $"Submit{string.Concat(type.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))}";
            document.Components.Schemas[variant] = Variant(submission, type, lines, payload, record);
            variants.Add(new OpenApiSchemaReference(variant, document));
            mapping[type] = new OpenApiSchemaReference(variant, document);
        }
        document.Components.Schemas[Submission] = new OpenApiSchema
        {
            Description = "A work item to submit: its line, its work type and, for typed work, the payload that type takes.",
            OneOf = variants, Discriminator = new OpenApiDiscriminator { PropertyName = "type", Mapping = mapping },
        };
    }

    /// <summary>The record's own schema, without properties it computes (only its constructor's parameters are sent).</summary>
    private static async Task<OpenApiSchema> PayloadSchemaAsync(Type record, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var schema = await context.GetOrCreateSchemaAsync(record, cancellationToken: ct);
        var sent = record.GetConstructors(BindingFlags.Public | BindingFlags.Instance).MaxBy(c => c.GetParameters().Length)!
            .GetParameters().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)).ToHashSet(StringComparer.Ordinal);
        foreach (var computed in schema.Properties?.Keys.Where(k => !sent.Contains(k)).ToList() ?? []) schema.Properties!.Remove(computed);
        var optional = schema.Properties?.Where(p => p.Value.Type?.HasFlag(JsonSchemaType.Null) == true).Select(p => p.Key) ?? [];
        schema.Required?.IntersectWith(sent.Except(optional));
        schema.Example = WorkTypeExamples.Payload(record);
        return schema;
    }

    private static OpenApiSchema Variant(OpenApiSchema submission, string type, IReadOnlyList<string> lines, IOpenApiSchema? payload, Type? record)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(submission.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            ["serviceLine"] = Strings(lines), ["type"] = Strings([type]),
        };
        if (payload is null) properties.Remove("payload");
        else properties["payload"] = payload;
        var example = new JsonObject
        {
            ["serviceLine"] = lines[0], ["type"] = type, ["priority"] = "p3", ["title"] = WorkTypeExamples.Title(type),
            ["description"] = "Details for the agent.",
        };
        if (record is not null) example["payload"] = WorkTypeExamples.Payload(record)?.DeepClone();
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object, Properties = properties, Example = example,
            Required = new HashSet<string>(payload is null ? Always : [.. Always, "payload"]),
        };
    }

    private static OpenApiSchema Strings(IReadOnlyList<string> values) =>
        new() { Type = JsonSchemaType.String, Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList() };
}
