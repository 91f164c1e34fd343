namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Northmoor's made-up geography: place names, streets and postcodes in the "ZZ" area, which no real
/// postcode uses. Place names join a first part and an ending ("Alder" + "brook"), so there are plenty.
/// </summary>
internal sealed class DemoPlaces
{
    public const string Town = "Northmoor";

    private static readonly string[] Starts =
    [
        "Alder", "Ash", "Birch", "Bram", "Brook", "Cedar", "Clay", "Cold", "Crow", "Elm", "Fern", "Fen", "Fox", "Glen", "Gorse", "Hawk",
        "Hazel", "Heath", "Holly", "Kings", "Lark", "Lime", "Marl", "Mill", "Moor", "North", "Oak", "Orchard", "Pine", "Quarry", "Raven",
        "Red", "Rose", "Rush", "Sand", "Sedge", "Shaw", "Silver", "Stone", "Thorn", "Wheat", "White", "Willow", "Wren", "Yew", "Beacon",
        "Bridge", "Chapel", "Church", "Cross", "Dale", "East", "Field", "Green", "Hart", "High", "Lea", "Marsh", "Park", "West",
    ];

    private static readonly string[] Endings =
        ["brook", "field", "wood", "gate", "ley", "side", "ford", "croft", "hurst", "well", "mead", "ridge", "stead", "bury"];

    private static readonly string[] StreetKinds =
        ["Road", "Street", "Lane", "Avenue", "Close", "Gardens", "Way", "Crescent", "Grove", "Place", "Drive", "Walk", "Terrace", "Rise"];

    private static readonly string[] BlockKinds = ["House", "Court", "Point", "Lodge", "Tower"];

    // Letters Royal Mail allows in the last part of a postcode.
    private const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";

    private sealed record Street(string Name, int District, int Sector, int Houses, string? Block);

    private readonly Random _rng;
    private readonly List<Street> _streets = [];
    private readonly HashSet<(int Street, int Number)> _taken = [];
    private readonly List<string> _places;
    private int _nextPlace;

    public DemoPlaces(Random rng, int streetCount)
    {
        _rng = rng;
        _places = [.. Starts.SelectMany(s => Endings.Select(e => s + e)).OrderBy(_ => rng.Next())];
        var names = Starts.SelectMany(s => StreetKinds.Select(k => $"{s} {k}")).OrderBy(_ => rng.Next()).ToList();
        foreach (var name in names.Take(streetCount))
        {
            var block = rng.Chance(0.4) ? $"{rng.Pick(_places)} {rng.Pick(BlockKinds)}" : null;
            _streets.Add(new Street(name, rng.Next(1, 10), rng.Next(0, 10), rng.Next(40, 400), block));
        }
    }

    /// <summary>A place name not handed out before ("Heathfield"), for schools and surgeries.</summary>
    public string NextPlace()
    {
        var n = _nextPlace++;
        // Once every name has been used, they come round again as "Heathfield 2", so agency names stay unique.
        return n < _places.Count ? _places[n] : $"{_places[n % _places.Count]} {(n / _places.Count) + 1}";
    }

    /// <summary>
    /// An address no other household has: a house on a street, or a flat in a block on it. The streets hold
    /// about 225,000 homes, enough for scale 10; far beyond that, households begin to share addresses.
    /// </summary>
    public (string Line1, string? Line2, string Postcode) NextAddress()
    {
        for (var attempt = 0; ; attempt++)
        {
            var index = _rng.Next(_streets.Count);
            var s = _streets[index];
            var inBlock = s.Block is not null && _rng.Chance(0.5);
            var number = inBlock ? 1000 + _rng.Next(1, 121) : _rng.Next(1, s.Houses + 1);
            if (!_taken.Add((index, number)) && attempt < 1000) continue;
            // Houses share a postcode in runs of about twenty; a block has its own.
            var unit = inBlock ? 25 : number / 20;
            var postcode = $"ZZ{s.District} {s.Sector}{UnitLetters[(index + unit) % 20]}{UnitLetters[(index * 7 + unit * 3) % 20]}";
            return inBlock
                ? ($"Flat {number - 1000}, {s.Block}", s.Name, postcode)
                : ($"{number} {s.Name}", null, postcode);
        }
    }
}
