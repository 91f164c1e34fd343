using Microsoft.EntityFrameworkCore.Design;
using Safeguard.Core.Data;

namespace Safeguard.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for SQLite. Not used at run time.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SafeguardDbContext>
{
    public SafeguardDbContext CreateDbContext(string[] args) => Database.Open(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}
