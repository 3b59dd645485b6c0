using Amqp;
using Amqp.Framing;
using Amqp.Listener;

namespace BackOffice.Testing.ServiceBus;

/// <summary>
/// The <c>$cbs</c> node: the SDK puts a token here before it attaches any link. Every token is accepted,
/// this broker does not authorize anything.
/// </summary>
internal sealed class CbsTokenProcessor : IRequestProcessor
{
    public int Credit => 100;

    public void Process(RequestContext requestContext)
    {
        var response = new Message { ApplicationProperties = new ApplicationProperties() };
        response.ApplicationProperties["status-code"] = 202;
        response.ApplicationProperties["status-description"] = "Accepted";
        requestContext.Complete(response);
    }
}
