using Microsoft.AspNetCore.Http;

namespace Safeguard.Web;

/// <summary>Which item of the header's menu a page belongs to, for the layout's highlight and aria-current.</summary>
public static class Navigation
{
    public enum Place { Outside, Section, Page }

    /// <summary>
    /// Items that stand for one page only, not for the addresses below them. "My work" is "/", which everything is below.
    /// "Find a person" is the search: a person's record and everything on it (their case, assessments, plans, visits,
    /// notes, oversight, closure, chronology) live under /people/{id}, but a social worker reaches them as often from
    /// My work, a team's list or a link in an email as from a search, and on a child's case the menu saying
    /// "Find a person" tells them they are somewhere they are not. None of the menu's items is the child's record, so
    /// there nothing is highlighted.
    /// </summary>
    private static readonly string[] PageOnly = ["/", "/people"];

    /// <summary>
    /// Page when the address is the item's own (aria-current="page"); Section when it is below the item, as a contact
    /// is below Contacts (aria-current="true"); otherwise Outside.
    /// </summary>
    public static Place Of(PathString path, string href)
    {
        var here = path.Value is { Length: > 1 } value ? value.TrimEnd('/') : path.Value ?? "/";
        if (string.Equals(here, href, StringComparison.OrdinalIgnoreCase)) return Place.Page;
        if (PageOnly.Contains(href, StringComparer.OrdinalIgnoreCase)) return Place.Outside;
        return path.StartsWithSegments(href, StringComparison.OrdinalIgnoreCase) ? Place.Section : Place.Outside;
    }
}
