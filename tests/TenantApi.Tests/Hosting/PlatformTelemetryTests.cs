using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using BackOffice.Core.Common;
using BackOffice.TenantApi.Tests.Infrastructure;

namespace BackOffice.TenantApi.Tests.Hosting;

/// <summary>The platform's own spans and metrics, as an exporter (Application Insights, OTLP) receives them from the API.</summary>
public sealed class PlatformTelemetryTests : IDisposable
{
    private readonly ConcurrentBag<System.Diagnostics.Activity> _spans = [];
    private readonly ConcurrentBag<(string Instrument, long Value, Dictionary<string, object?> Tags)> _counts = [];
    private readonly ActivityListener _spanListener;
    private readonly MeterListener _meterListener = new();

    public PlatformTelemetryTests()
    {
        _spanListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PlatformTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Add,
        };
        ActivitySource.AddActivityListener(_spanListener);
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PlatformTelemetry.Name) listener.EnableMeasurementEvents(instrument);
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _counts.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _meterListener.Start();
    }

    [Fact]
    public async Task SubmittingAndClaiming_GiveSpansTaggedWithTheTenant_AndCountsByLineAndOutcome()
    {
        using var api = new HostFactory<ApiRole>(settings: new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        var tenant = $"tel-{Guid.NewGuid():N}"[..12];
        await Api.OnboardActiveAsync(api.ClientAs(TestUser.Admin), tenant, TestUser.AcmeDirectory, "hr");
        var submitted = await Api.SubmitAsync(api.ClientAs(TestUser.AcmeClient), tenant);
        var agent = api.ClientAs(TestUser.Agent);

        var claim = await agent.PostAsync("/api/queues/hr/claims", null);
        var empty = await agent.PostAsync("/api/queues/hr/claims", null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NoContent), (claim.StatusCode, empty.StatusCode));
        var item = (string)submitted["id"]!;
        Assert.Contains(_spans, s => s.OperationName == "SubmitWorkItem" && (string?)s.GetTagItem("backoffice.tenant") == tenant && s.GetTagItem("backoffice.item")?.ToString() == item);
        Assert.Contains(_spans, s => s.OperationName == "ClaimNextWorkItem" && (string?)s.GetTagItem("backoffice.tenant") == tenant && s.GetTagItem("backoffice.item")?.ToString() == item);
        Assert.Contains(_counts, c => c.Instrument == "backoffice.submissions" && (string?)c.Tags["line"] == "hr" && (string?)c.Tags["priority"] == "p3");
        Assert.Contains(_counts, c => c.Instrument == "backoffice.claims" && (string?)c.Tags["line"] == "hr" && Equals(c.Tags["dedicated"], false) && (string?)c.Tags["outcome"] == "claimed");
        Assert.Contains(_counts, c => c.Instrument == "backoffice.claims" && (string?)c.Tags["line"] == "hr" && (string?)c.Tags["outcome"] == "empty");
    }

    public void Dispose()
    {
        _spanListener.Dispose();
        _meterListener.Dispose();
    }
}
