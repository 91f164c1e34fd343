using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

/// <summary>Deny by default, checked: every page model and every endpoint names a capability, or is explicitly anonymous.</summary>
public class EveryEndpointNamesAPolicyTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static readonly HashSet<string> Known = Capabilities.All.Select(c => c.Name).ToHashSet();

    [Fact]
    public void EveryPageModel_NamesAPolicyOrAllowsAnonymous()
    {
        var pages = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(pages);
        var unnamed = pages.Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>() is null
            && t.GetCustomAttributes<AuthorizeAttribute>().All(a => a.Policy is null || !Known.Contains(a.Policy))).Select(t => t.FullName).ToList();
        Assert.Empty(unnamed);
    }

    [Fact]
    public void EveryApiEndpoint_NamesAPolicyOrAllowsAnonymous()
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true).ToList();
        Assert.True(endpoints.Count >= 10, $"Only {endpoints.Count} API endpoints found");
        var unnamed = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
            && e.Metadata.GetOrderedMetadata<IAuthorizeData>().All(a => a.Policy is null || !Known.Contains(a.Policy)))
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.Empty(unnamed);
    }
}
