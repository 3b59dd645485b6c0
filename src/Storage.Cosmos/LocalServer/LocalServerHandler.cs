using System.Net;
using System.Text;

namespace BackOffice.Storage.Cosmos.LocalServer;

/// <summary>
/// What the local Cosmos DB-compatible server (<c>@vercel/cosmosdb-server</c>) lacks, supplied on the SDK's HTTP path:
/// it cannot plan queries, so the plan request is answered here with a pass-through plan over its one range (it runs
/// ORDER BY, TOP and aggregates itself), and requests it would refuse without a partition key say cross-partition.
/// Switched on only by Storage:Cosmos:LocalServer, which is refused outside Development.
/// </summary>
internal sealed class LocalServerHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private const string PassThroughPlan = """
        {"partitionedQueryExecutionInfoVersion":2,"queryInfo":{"distinctType":"None","top":null,"offset":null,"limit":null,
        "orderBy":[],"orderByExpressions":[],"groupByExpressions":[],"groupByAliases":[],"aggregates":[],
        "groupByAliasToAggregateType":{},"rewrittenQuery":"","hasSelectValue":false,"dCountInfo":null},
        "queryRanges":[{"min":"","max":"FF","isMinInclusive":true,"isMaxInclusive":false}]}
        """;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("x-ms-cosmos-is-query-plan-request", out var plan) && plan.Contains("True", StringComparer.OrdinalIgnoreCase))
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request, Content = new StringContent(PassThroughPlan, Encoding.UTF8, "application/json"),
            });
        if (!request.Headers.Contains("x-ms-documentdb-partitionkey") || request.Method == HttpMethod.Get)
        {
            request.Headers.Remove("x-ms-documentdb-query-enablecrosspartition");
            request.Headers.TryAddWithoutValidation("x-ms-documentdb-query-enablecrosspartition", "True");
        }
        return base.SendAsync(request, cancellationToken);
    }
}
