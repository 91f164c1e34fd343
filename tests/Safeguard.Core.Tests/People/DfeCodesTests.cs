using System.Xml.Linq;
using Safeguard.Core.People.Codes;

namespace Safeguard.Core.Tests.People;

/// <summary>The code lists must match the DfE CIN census schema, code for code and in order.</summary>
public class DfeCodesTests
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    [Theory]
    [InlineData("sextype")]
    [InlineData("ethnicitytype")]
    [InlineData("disabilitytype")]
    [InlineData("unknownupntype")]
    public void Code_list_matches_the_cin_schema(string schemaType)
    {
        var list = ListFor(schemaType);
        var expected = SchemaEnumeration(schemaType);

        Assert.Equal(expected.Select(e => e.Code), list.Items.Select(i => i.Code));

        // Where the schema gives labels, ours say the same (we only tidy the capitals).
        foreach (var (code, label) in expected.Where(e => e.Label is not null))
        {
            Assert.Equal(label, list.Label(code), StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Lists_have_the_expected_sizes()
    {
        Assert.Equal(3, DfeCodes.Sex.Items.Count);
        Assert.Equal(20, DfeCodes.Ethnicity.Items.Count);
        Assert.Equal(13, DfeCodes.Disability.Items.Count);
        Assert.Equal(7, DfeCodes.UpnUnknown.Items.Count);
    }

    [Fact]
    public void IsValid_and_Label_look_up_codes_exactly()
    {
        Assert.True(DfeCodes.Ethnicity.IsValid("WBRI"));
        Assert.Equal("White British", DfeCodes.Ethnicity.Label("WBRI"));
        Assert.False(DfeCodes.Ethnicity.IsValid("wbri"));
        Assert.False(DfeCodes.Sex.IsValid("X"));
        Assert.False(DfeCodes.Sex.IsValid(null));
        Assert.Null(DfeCodes.Disability.Label("XYZ"));
        Assert.Equal("Referral with no further action", DfeCodes.UpnUnknown.Label("UN7"));
    }

    private static CodeList ListFor(string schemaType) => schemaType switch
    {
        "sextype" => DfeCodes.Sex,
        "ethnicitytype" => DfeCodes.Ethnicity,
        "disabilitytype" => DfeCodes.Disability,
        "unknownupntype" => DfeCodes.UpnUnknown,
        _ => throw new ArgumentOutOfRangeException(nameof(schemaType)),
    };

    private static List<(string Code, string? Label)> SchemaEnumeration(string schemaType)
    {
        var path = DfeReference.CinSchemaPath();
        if (path is null)
        {
            Assert.Skip("The DfE CIN schema is not at ../shared/reference/dfe/CIN_schema_2026.xsd next to the repository.");
        }

        var type = XDocument.Load(path).Descendants(Xs + "simpleType")
            .Single(t => (string?)t.Attribute("name") == schemaType);

        return type.Descendants(Xs + "enumeration")
            .Select(e => ((string)e.Attribute("value")!, e.Descendants(Xs + "documentation").FirstOrDefault()?.Value.Trim()))
            .ToList();
    }
}

/// <summary>Finds the DfE reference files kept beside (not inside) the repository.</summary>
internal static class DfeReference
{
    /// <summary>The CIN schema's path, or null when it is not there.</summary>
    public static string? CinSchemaPath()
    {
        var path = Path.Combine(Safeguard.TestCommon.RepoPaths.DfeReference, "CIN_schema_2026.xsd");
        return File.Exists(path) ? path : null;
    }
}
