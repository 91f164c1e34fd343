using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safeguard.Web.Tests.Support;

/// <summary>Reads the API's JSON into its DTOs as the API writes it: camelCase, choices by name.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
