using System.Net;
using System.Net.Sockets;

namespace Samverkan.Webhooks.Model;

/// <summary>
/// Where the platform may send: an https URL on a public address. An agency choosing the URL must not make the platform
/// call into its own network (SSRF): loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
/// unique-local and multicast addresses are refused, both when the URL is registered (an address literal) and again when
/// connecting (the addresses the name resolves to then, so a name re-pointed after registration gains nothing).
/// <c>http://</c> is allowed only to loopback, and only where <paramref name="allowLoopbackHttp"/> says so (development, tests).
/// </summary>
public sealed class EndpointAddress(bool allowLoopbackHttp)
{
    /// <summary>Null when <paramref name="url"/> may be registered, else why not.</summary>
    public string? Problem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "Must be an absolute https:// URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "Must not carry a user name or password; authenticate the platform by the signature.";
        if (!string.IsNullOrEmpty(uri.Fragment))
            return "Must not have a fragment (#…).";
        var loopback = uri.IsLoopback;
        if (uri.Scheme == "http" && !(allowLoopbackHttp && loopback))
            return "Must use https://.";
        if (loopback)
            return allowLoopbackHttp ? null : "Must not point at this machine (loopback).";
        if (IPAddress.TryParse(uri.DnsSafeHost, out var address) && !IsPublic(address))
            return "Must not point at a private, link-local or otherwise internal address.";
        return null;
    }

    /// <summary>Whether a connection to <paramref name="address"/> may be made.</summary>
    public bool MayConnect(IPAddress address) => IsPublic(address) || (allowLoopbackHttp && IPAddress.IsLoopback(address));

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] >= 224 // this network, private, multicast and reserved
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))); // benchmarking
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc); // unique local fc00::/7
        }
        return false;
    }
}
