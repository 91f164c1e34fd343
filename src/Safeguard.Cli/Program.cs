using System.CommandLine;
using Safeguard.Cli;

// The `safeguard` command: ./safeguard --help from a checkout.
var root = new RootCommand("Safeguard: the database, the demo borough, users, the access log and the front door, from the command line.")
{
    DatabaseCommands.Build(),
    DemoCommands.Build(),
    UserCommands.Build(),
    AuditCommands.Build(),
};
foreach (var command in FrontDoorCommands.Build()) root.Subcommands.Add(command);
root.Subcommands.Add(CaseCommands.Build());
root.Subcommands.Add(AssessmentCommands.Build());
root.Subcommands.Add(PlanCommands.Build());
foreach (var command in OversightCommands.Build()) root.Subcommands.Add(command);
foreach (var command in VisitCommands.Build()) root.Subcommands.Add(command);
foreach (var command in ChildProtectionCommands.Build()) root.Subcommands.Add(command);
return await root.Parse(args).InvokeAsync();
