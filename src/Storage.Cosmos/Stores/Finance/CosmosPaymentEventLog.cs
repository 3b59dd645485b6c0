using System.Text.Json.Serialization;
using BackOffice.Core.Common;
using BackOffice.Core.Finance.Issuing;
using BackOffice.Core.Finance.Runs;
using Microsoft.Azure.Cosmos;

namespace BackOffice.Storage.Cosmos.Stores.Finance;

/// <summary>The issuer's payment events handled, in the platform container under the event's id: a replay's create is a 409 and hears false.</summary>
internal sealed class CosmosPaymentEventLog(CosmosDatabase db) : IPaymentEventLog
{
    public async Task<bool> RecordAsync(PaymentEvent e, string outcome, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var document = new EventDocument
        {
            Id = IdOf(e.EventId), EventId = e.EventId, EventKind = e.Kind.ToText(), InvoiceExternalId = e.InvoiceExternalId, OccurredAt = e.OccurredAt,
            Outcome = outcome, ReceivedAt = receivedAt,
        };
        return await db.TryCreateAsync(db.Platform, document, new PartitionKey(document.Id), "payment-event.record", ct) is not null;
    }

    public async Task<bool> SeenAsync(string eventId, CancellationToken ct) =>
        (await db.ReadAsync<EventDocument>(db.Platform, IdOf(eventId), new PartitionKey(IdOf(eventId)), "payment-event.seen", ct)).Document is not null;

    /// <summary>The issuer's event ids are its own ("evt_..."): base64url keeps any of them a valid document id.</summary>
    private static string IdOf(string eventId) => "payment-event-" + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(eventId));

    private sealed class EventDocument
    {
        [JsonPropertyName("id")]
        public required string Id { get; set; }

        public string Kind { get; set; } = "payment-event";

        public required string EventId { get; set; }

        public required string EventKind { get; set; }

        public required string InvoiceExternalId { get; set; }

        public DateTimeOffset OccurredAt { get; set; }

        public required string Outcome { get; set; }

        public DateTimeOffset ReceivedAt { get; set; }
    }
}
