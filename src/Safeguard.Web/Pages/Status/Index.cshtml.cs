using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Pages.Status;

/// <summary>The page shown for 403, 404 and other status codes, in plain words.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public class IndexModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;
    public void OnPost(int code) => Code = code;

    public (string Title, string Body) Words => Code switch
    {
        403 => ("You do not have permission to see this page", "Your role does not include this. If you need it for your work, ask your manager or a Safeguard administrator."),
        404 => ("Page not found", "If you typed the web address, check it is correct. If you followed a link to a person's record, the record may not exist or may be restricted."),
        401 => ("Sign in to continue", "Your session may have ended after a period of inactivity."),
        _ => ("Sorry, there is a problem", "Try again later."),
    };
}
