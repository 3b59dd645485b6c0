using Xunit.Abstractions;
using Xunit.Sdk;

namespace BackOffice.Storage.Tests.Contracts;

/// <summary>
/// A contract test. It runs for every adapter, except that a suite needing an outside account (<see cref="IOutsideAccountSuite"/>)
/// is reported as skipped, with the reason, when that account is not configured.
/// </summary>
[XunitTestCaseDiscoverer("BackOffice.Storage.Tests.Contracts.StoreFactDiscoverer", "BackOffice.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>A contract suite run against an account that only exists when configured (a real Azure Cosmos DB account).</summary>
public interface IOutsideAccountSuite
{
    /// <summary>Why the suite cannot run here; null when its account is configured.</summary>
    static abstract string? SkipReason { get; }
}

public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : FactDiscoverer(diagnostics)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute)
    {
        var suite = method.TestClass.Class.ToRuntimeType();
        var reason = suite?.GetInterfaces().Contains(typeof(IOutsideAccountSuite)) == true
            ? (string?)suite.GetProperty(nameof(IOutsideAccountSuite.SkipReason))?.GetValue(null) ?? SkipReasonOf(suite)
            : null;
        return reason is null
            ? base.Discover(options, method, attribute)
            : [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, reason)];
    }

    private static string? SkipReasonOf(Type suite) =>
        suite.GetInterfaceMap(typeof(IOutsideAccountSuite)).TargetMethods.FirstOrDefault()?.Invoke(null, null) as string;
}
