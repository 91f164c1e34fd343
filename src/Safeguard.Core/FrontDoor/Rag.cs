namespace Safeguard.Core.FrontDoor;

/// <summary>
/// The MASH's RAG ratings (DOMAIN.md "MASH and RAG ratings"). Red is split by whether the child is in
/// imminent danger, because the two have different clocks (4 hours and 24 hours).
/// </summary>
public enum Rag { Blue, Green, Amber, Red, RedImminentDanger }

public static class Rags
{
    public static string Label(Rag rag) => rag switch
    {
        Rag.Blue => "Blue",
        Rag.Green => "Green",
        Rag.Amber => "Amber",
        Rag.Red => "Red",
        Rag.RedImminentDanger => "Red: imminent danger",
        _ => rag.ToString(),
    };

    public static string Meaning(Rag rag) => rag switch
    {
        Rag.Blue => "Children's social care has no role: referred on to universal services",
        Rag.Green => "Below the threshold for social work: to early help within 3 working days",
        Rag.Amber => "A child in need who needs a social work service: to the team within 3 working days",
        Rag.Red => "At risk of significant harm, not in imminent danger: within 24 hours",
        Rag.RedImminentDanger => "In imminent danger, needs immediate protection: within 4 hours",
        _ => "",
    };

    /// <summary>The GOV.UK tag colour for a rating.</summary>
    public static string TagClass(Rag? rag) => rag switch
    {
        Rag.Blue => "govuk-tag--blue",
        Rag.Green => "govuk-tag--green",
        Rag.Amber => "govuk-tag--orange",
        Rag.Red or Rag.RedImminentDanger => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };
}
