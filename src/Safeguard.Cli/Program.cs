using System.CommandLine;
using Safeguard.Cli;

// The `safeguard` command: ./safeguard --help from a checkout.
var root = new RootCommand("Safeguard: the database, the demo borough, users and the access log, from the command line.")
{
    DatabaseCommands.Build(),
    DemoCommands.Build(),
    UserCommands.Build(),
    AuditCommands.Build(),
};
return await root.Parse(args).InvokeAsync();
