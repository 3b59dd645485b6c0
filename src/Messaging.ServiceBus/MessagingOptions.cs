using System.ComponentModel.DataAnnotations;

namespace BackOffice.Messaging.ServiceBus;

/// <summary>How events travel between the roles: in process (the embedded default) or through Azure Service Bus.</summary>
public sealed record MessagingOptions
{
    public const string SectionName = "Messaging";

    [RegularExpression("^(InProcess|ServiceBus)$", ErrorMessage = "Messaging:Transport is InProcess or ServiceBus.")]
    public string Transport { get; init; } = "InProcess";

    public ServiceBusOptions ServiceBus { get; init; } = new();

    public bool UsesServiceBus => Transport == "ServiceBus";
}

/// <summary>The namespace (by managed identity in Azure) or a connection string (local runs, the test broker), and the queue.</summary>
public sealed record ServiceBusOptions
{
    public string? ConnectionString { get; init; }

    /// <summary>"&lt;namespace&gt;.servicebus.windows.net", reached as the app's managed identity when no connection string is set.</summary>
    public string? FullyQualifiedNamespace { get; init; }

    [Required]
    public string Queue { get; init; } = "integration-events";

    /// <summary>Messages one worker instance handles at once.</summary>
    [Range(1, 256)]
    public int MaxConcurrentCalls { get; init; } = 8;

    /// <summary>How long a handler may hold a message (its lock renewed meanwhile) before Service Bus gives it to another instance.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan MaxLockRenewal { get; init; } = TimeSpan.FromMinutes(5);
}
