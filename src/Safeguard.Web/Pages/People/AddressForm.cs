using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.People;
using Safeguard.Web.Govuk;

namespace Safeguard.Web.Pages.People;

/// <summary>An address as typed. All blank means "no address yet"; otherwise Core's rules apply.</summary>
public sealed class AddressForm
{
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public DateParts From { get; set; } = new();

    public bool IsEmpty => string.IsNullOrWhiteSpace(Line1) && string.IsNullOrWhiteSpace(Town) && string.IsNullOrWhiteSpace(Postcode) && From.IsEmpty;

    public static AddressForm Of(Address a) => new() { Line1 = a.Line1, Line2 = a.Line2, Town = a.Town, Postcode = a.Postcode, From = DateParts.From(a.From) };

    public NewAddress? ToNewAddress(ModelStateDictionary modelState, DateOnly today, string prefix = "Address.", bool required = false)
    {
        if (IsEmpty && !required) return null;
        var from = today;
        if (!From.IsEmpty)
        {
            var error = From.Validate("The date they moved in");
            if (error is not null) { modelState.AddDateError(prefix + nameof(From), error); return null; }
            from = From.ToDate()!.Value;
        }
        var address = new NewAddress(Line1 ?? "", Line2, Town ?? "", Postcode ?? "", from);
        var result = new NewAddressValidator(today).Validate(address);
        foreach (var e in result.Errors) modelState.AddModelError(prefix + e.PropertyName, e.ErrorMessage);
        return result.IsValid ? address : null;
    }
}

public static class FamilyOptions
{
    /// <summary>Read as "the new or chosen person is the ... of the person whose record this is".</summary>
    public static readonly IReadOnlyList<GovukOption> All =
    [
        new(nameof(RelationshipType.ParentOf), "Parent"),
        new(nameof(RelationshipType.StepParentOf), "Step-parent"),
        new(nameof(RelationshipType.CarerOf), "Carer"),
        new(nameof(RelationshipType.GrandparentOf), "Grandparent"),
        new(nameof(RelationshipType.SiblingOf), "Sibling"),
        new(nameof(RelationshipType.HalfSiblingOf), "Half-sibling"),
        new(nameof(RelationshipType.PartnerOf), "Partner"),
        new(nameof(RelationshipType.HouseholdMemberWith), "Other household member"),
        new(nameof(RelationshipType.OtherRelativeOf), "Other relative"),
    ];

    public static string Label(RelationshipType t) => All.First(o => o.Value == t.ToString()).Text.ToLowerInvariant();
}
