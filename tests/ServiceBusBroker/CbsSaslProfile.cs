using Amqp;
using Amqp.Sasl;
using Amqp.Types;

namespace BackOffice.Testing.ServiceBus;

/// <summary>
/// The SASL mechanism the Service Bus SDK insists on ("MSSBCBS"). It carries no credentials:
/// the SDK authorizes each link afterwards by putting a token on the <c>$cbs</c> node.
/// </summary>
internal sealed class CbsSaslProfile() : SaslProfile(MechanismName)
{
    public const string MechanismName = "MSSBCBS";

    protected override ITransport UpgradeTransport(ITransport transport) => transport;

    protected override DescribedList GetStartCommand(string hostname) =>
        throw new NotSupportedException("The broker only answers SASL negotiation, it never starts one.");

    protected override DescribedList OnCommand(DescribedList command) =>
        command is SaslInit
            ? new SaslOutcome { Code = SaslCode.Ok }
            : throw new AmqpException(ErrorCode.NotAllowed, $"Unexpected SASL command {command}.");
}
