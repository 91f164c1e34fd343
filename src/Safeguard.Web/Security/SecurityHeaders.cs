namespace Safeguard.Web.Security;

/// <summary>
/// A strict content security policy (no inline script or style, nothing from other sites), no framing,
/// no MIME sniffing, no referrer leaking a child's record address, and no caching of pages with children's data.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var h = ctx.Response.Headers;
        h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                                  "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!IsStatic(ctx.Request.Path)) { h.CacheControl = "no-cache, no-store"; h.Pragma = "no-cache"; }
        await next();
    });

    private static bool IsStatic(PathString p) =>
        p.StartsWithSegments("/govuk") || p.StartsWithSegments("/css") || p.StartsWithSegments("/js") || p.StartsWithSegments("/assets");
}
