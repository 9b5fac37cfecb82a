namespace Samverkan.Web.SignIn;

/// <summary>The web UI's own settings (section <c>Web</c>); where tokens come from is <c>Auth:Authority</c>, as for every process.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>The web UI's client at the identity service: public, code + PKCE (services/Identity/Server/InteractiveClient.cs).</summary>
    public string ClientId { get; set; } = "samverkan-web";

    /// <summary>Where the APIs are: the gateway, by its service-discovery name. The UI never calls a service directly.</summary>
    public string Gateway { get; set; } = "http://gateway";

    /// <summary>
    /// Where the key ring that encrypts the sign-in cookie is kept, shared by every instance of the UI (a cookie one
    /// instance wrote must open on the next); unset, each instance keeps its own and a restart signs everyone out.
    /// </summary>
    public string? KeyDirectory { get; set; }
}
