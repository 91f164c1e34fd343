using Microsoft.EntityFrameworkCore.Design;
using Safeguard.Core.Data;

namespace Safeguard.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for PostgreSQL (no server is contacted). Not used at run time.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SafeguardDbContext>
{
    public SafeguardDbContext CreateDbContext(string[] args) => Database.Open(DatabaseProvider.Postgres, "Host=localhost;Database=safeguard_design");
}
