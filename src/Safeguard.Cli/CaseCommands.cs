using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using static Safeguard.Cli.ActAs;

namespace Safeguard.Cli;

/// <summary>Social work cases from the command line: allocating a child's case to a worker. Each acts as --as.</summary>
public static class CaseCommands
{
    public static Command Build(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var cases = new Command("cases", "Social work cases: allocate a child's case to a worker; close it, step it down or up.") { Allocate(settings) };
        foreach (var command in ClosureCommands.Build(settings)) cases.Subcommands.Add(command);
        return FrontDoorCommands.WithDatabase(cases);
    }

    private static Command Allocate(IReadOnlyDictionary<string, string?>? settings)
    {
        var child = new Argument<string>("child") { Description = "The child's Safeguard ID (SG-0001234): their open case in your team" };
        var worker = new Option<string>("--worker") { Description = "The email of the worker who will hold the case", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why this worker", Required = true };
        var allocate = new Command("allocate", "Allocate (or reallocate) a child's open case in your team to one of its workers.") { child, worker, reason };
        allocate.SetAction((parse, ct) => RunAsync(parse, Capabilities.AllocateCase, settings, async c =>
        {
            var number = Person.ParseNumber(parse.GetRequiredValue(child));
            var teamId = await c.Db.Users.Where(u => u.Id == c.Actor.UserId).Select(u => u.TeamId).FirstOrDefaultAsync(c.Ct);
            // The child's open case in the manager's team; a service manager, in no team of cases, takes the child's only open one.
            var cases = await c.Db.Involvements.Where(i => i.EndDate == null && i.TeamId != null && c.Db.People.Any(p => p.Id == i.PersonId && p.Number == number))
                .Select(i => new { i.Id, i.TeamId, i.WorkerId }).ToListAsync(c.Ct);
            var mine = cases.Where(i => i.TeamId == teamId).ToList();
            var found = mine.Count == 1 ? mine[0] : mine.Count == 0 && cases.Count == 1 && c.Actor.Roles.Contains(Roles.ServiceManager) ? cases[0] : null;
            if (number is null || found is null)
            {
                c.Error.WriteLine("That child has no open case in your team to allocate.");
                return 1;
            }
            var email = parse.GetRequiredValue(worker).Trim().ToUpperInvariant();
            var workerId = await c.Db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).FirstOrDefaultAsync(c.Ct)
                ?? throw Refuse.Invalid("WorkerId", $"No user has the email address {parse.GetRequiredValue(worker)}");
            var allocation = await c.Get<AllocationService>().AllocateAsync(c.Actor, found.Id, found.WorkerId, workerId, parse.GetRequiredValue(reason), c.Ct);
            if (allocation is null)
            {
                c.Error.WriteLine("That child has no open case in your team to allocate.");
                return 1;
            }
            c.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Person.FormatNumber(number.Value)}'s case is allocated to {allocation.WorkerName}."));
            return 0;
        }, ct));
        return allocate;
    }
}
