using System.Net;
using ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace Interviewer.Api.Security;

/// <summary>
/// Who a request comes from, for the limits: the connection's address, or the forwarded one when the connection is a
/// configured proxy (<c>Interviewer:Security:KnownProxies</c>). IPv6 clients count per /64, the block one host is given.
/// </summary>
internal static class ClientAddress
{
    /// <summary>The partition key of a request's client.</summary>
    public static string Of(HttpContext context) => Key(context.Connection.RemoteIpAddress);

    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address))
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }

    public static IEnumerable<string> Problems(IReadOnlyList<string> proxies)
    {
        for (var i = 0; i < proxies.Count; i++)
        {
            if (!IPNetwork.TryParse(proxies[i].Trim(), out _) && !IPAddress.TryParse(proxies[i].Trim(), out _))
            {
                yield return $"{SecurityOptions.Section}:KnownProxies:{i} is '{proxies[i]}'; give an IP address (10.0.0.5) or a network (10.0.0.0/8).";
            }
        }
    }

    /// <summary>
    /// Believes <c>X-Forwarded-For</c>/<c>-Proto</c> only from the configured proxies. With none configured the middleware
    /// is not used at all: given empty lists, ASP.NET Core's would believe every sender.
    /// </summary>
    public static IApplicationBuilder UseClientAddress(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value.KnownProxies.Count == 0
            ? app
            : app.UseForwardedHeaders();

    /// <summary>The forwarded-headers options: the configured proxies only (the defaults, loopback, are dropped).</summary>
    public static IServiceCollection AddClientAddress(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in security.Value.KnownProxies.Select(p => p.Trim()))
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
                else if (IPNetwork.TryParse(proxy, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }
            forwarded.ForwardLimit = null;
        });
        return services;
    }
}
