using System.Globalization;
using System.Text.RegularExpressions;

namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>
/// What a service's own RabbitMQ user may do in the platform's virtual host (docs/decisions/0005-bus-trust.md), as the
/// three regular expressions of <c>rabbitmqctl set_permissions</c>. MassTransit names a consumer's queue, and the
/// exchange in front of it, after the service (<c>reporting-actor-registered</c>, <see cref="MessagingExtensions"/>),
/// and an event's exchange after its type (<c>Samverkan.Contracts.Actors:ActorRegistered</c>):
/// <list type="bullet">
/// <item><b>configure</b> (declare, delete): its own queues and exchanges, and the event exchanges, which MassTransit
/// declares again on every start of a consumer bound to them (RabbitMQ has no right to declare without the right to delete).</item>
/// <item><b>write</b> (publish, bind to): its own queues and exchanges (bindings into them, <c>_error</c> and <c>_skipped</c>)
/// and the exchanges of its own events only.</item>
/// <item><b>read</b> (consume, bind from): its own queues, and the event exchanges (to bind its queues to them; reading
/// an exchange gives nothing by itself, messages are read from queues).</item>
/// </list>
/// scripts/infra.sh writes the same expressions (<c>bus_permissions</c>); a test compares them.
/// </summary>
public sealed record BusPermissions(string User, string Configure, string Write, string Read)
{
    /// <summary>The namespace under which every service's events live, one namespace per publishing service.</summary>
    public const string EventsNamespace = "Samverkan.Contracts";

    /// <summary>The services that connect to the bus, each as its own user. Adding a service is one line here and one in scripts/infra.sh.</summary>
    public static readonly IReadOnlyList<string> Services = [ResourceNames.Actors, ResourceNames.Participants, ResourceNames.Employers, ResourceNames.Reporting, ResourceNames.Webhooks];

    /// <summary>The user name of <paramref name="service"/>: <c>samverkan-actors</c> …</summary>
    public static string UserOf(string service) => $"samverkan-{service}";

    /// <summary>The configuration key of a service's own connection string: <c>ConnectionStrings:messaging-actors</c> …</summary>
    public static string ConnectionStringNameOf(string service) => $"{ResourceNames.Messaging}-{service}";

    public static BusPermissions For(string service) => For(service, UserOf(service), EventsNamespace);

    /// <summary>
    /// The permissions of <paramref name="service"/> connecting as <paramref name="user"/>, whose events are published
    /// under <c>{eventsNamespace}.{Service}</c> (the tests use a namespace of their own).
    /// </summary>
    public static BusPermissions For(string service, string user, string eventsNamespace)
    {
        var own = $"{Regex.Escape(service)}-.*";
        var events = $@"{Regex.Escape(eventsNamespace)}\..+";
        var ownEvents = $"{Regex.Escape($"{eventsNamespace}.{PascalCase(service)}")}:.+";
        return new BusPermissions(user, $"^({own}|{events})$", $"^({own}|{ownEvents})$", $"^({own}|{events})$");
    }

    private static string PascalCase(string service) =>
        string.Concat(service.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));
}
