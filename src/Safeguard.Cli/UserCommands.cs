using System.CommandLine;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Safeguard.Core.Access;
using Safeguard.Core.Data;

namespace Safeguard.Cli;

public static class UserCommands
{
    public static Command Build()
    {
        var email = new Option<string>("--email") { Description = "The person's email address (their sign-in name)", Required = true };
        var name = new Option<string>("--name") { Description = "Their name as colleagues know it", Required = true };
        var role = new Option<string[]>("--role") { Description = "A role (repeat for several): " + string.Join(", ", Roles.All.Select(r => r.Role)), Required = true, AllowMultipleArgumentsPerToken = true };
        var team = new Option<string?>("--team") { Description = "Their team's name" };
        var password = new Option<string?>("--password") { Description = "A first password (12 characters or more); read from SAFEGUARD_PASSWORD if not given" };

        var create = new Command("create", "Add a user (for example the first administrator).") { email, name, role, team, password };
        create.SetAction(async (parse, ct) =>
        {
            var config = CliContext.Configuration(parse);
            await using var services = CliServices.Build(config);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
            int? teamId = null;
            if (parse.GetValue(team) is { } teamName)
            {
                teamId = await db.Teams.Where(t => t.Name == teamName).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
                if (teamId is null) { Console.Error.WriteLine($"There is no team called '{teamName}'."); return 2; }
            }
            var pw = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("SAFEGUARD_PASSWORD");
            if (string.IsNullOrEmpty(pw)) { Console.Error.WriteLine("Give --password or set SAFEGUARD_PASSWORD."); return 2; }
            try
            {
                var user = await scope.ServiceProvider.GetRequiredService<StaffAdministration>().CreateAsync(Core.Access.Actor.System("safeguard users create"),
                    new StaffInput(parse.GetRequiredValue(email), parse.GetRequiredValue(name), null, teamId, null, parse.GetRequiredValue(role)), pw, ct);
                Console.WriteLine($"Added {user.DisplayName} <{user.Email}>. They set up two-factor sign-in at their first sign-in.");
                return 0;
            }
            catch (ValidationException ex)
            {
                foreach (var e in ex.Errors) Console.Error.WriteLine($"{e.PropertyName}: {e.ErrorMessage}");
                return 2;
            }
        });

        var codeEmail = new Option<string>("--email") { Description = "The user's email address", Required = true };
        var code = new Command("code", "Print a user's current authenticator code (for the demo borough's users, and for support with database access).") { codeEmail };
        code.SetAction(async (parse, ct) =>
        {
            var config = CliContext.Configuration(parse);
            await using var db = CliContext.Open(config);
            var normalized = parse.GetRequiredValue(codeEmail).Trim().ToUpperInvariant();
            var key = await db.UserTokens.Where(t => t.Name == "AuthenticatorKey" && db.Users.Any(u => u.Id == t.UserId && u.NormalizedEmail == normalized))
                .Select(t => t.Value).FirstOrDefaultAsync(ct);
            if (key is null) { Console.Error.WriteLine("That user has no authenticator set up."); return 1; }
            Console.WriteLine(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
            return 0;
        });

        var tokenEmail = new Option<string>("--email") { Description = "The user the token acts as", Required = true };
        var tokenName = new Option<string>("--name") { Description = "What the token is for", Required = true };
        var tokenDays = new Option<int>("--days") { Description = "How many days it lasts (1-365)", DefaultValueFactory = _ => 30 };
        var token = new Command("token", "Create an API token for a user (for scripts and benchmarks) and print it once.") { tokenEmail, tokenName, tokenDays };
        token.SetAction(async (parse, ct) =>
        {
            var days = parse.GetValue(tokenDays);
            if (days is < 1 or > 365) { Console.Error.WriteLine("--days must be between 1 and 365."); return 2; }
            var config = CliContext.Configuration(parse);
            await using var db = CliContext.Open(config);
            var normalized = parse.GetRequiredValue(tokenEmail).Trim().ToUpperInvariant();
            var userId = await db.Users.Where(u => u.NormalizedEmail == normalized && u.IsActive).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (userId is null) { Console.Error.WriteLine("No active user has that email address."); return 1; }
            var secret = ApiToken.NewSecret();
            var now = DateTime.UtcNow;
            db.ApiTokens.Add(new ApiToken
            {
                UserId = userId, Name = parse.GetRequiredValue(tokenName), Hash = ApiToken.HashOf(secret), Prefix = secret[..10],
                CreatedAtUtc = now, ExpiresAtUtc = now.AddDays(days),
            });
            await db.SaveChangesAsync(ct);
            Console.WriteLine(secret);
            return 0;
        });

        var users = new Command("users", "Add users and help them sign in.") { create, code, token };
        users.Options.Add(CliContext.Connection);
        users.Options.Add(CliContext.Provider);
        return users;
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var (r, _) in Roles.All)
            if (!await roles.RoleExistsAsync(r)) await roles.CreateAsync(new IdentityRole(r));
    }
}
