using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Data;

namespace Safeguard.Cli;

/// <summary>The few services the commands need (Identity's user manager, the access log), wired as the web app wires them.</summary>
public static class CliServices
{
    public static ServiceProvider Build(IConfiguration config)
    {
        var (provider, cs) = Database.FromConfiguration(config);
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<SafeguardDbContext>(o => Database.Configure(o, provider, cs));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => CliContext.Chain(config));
        services.AddSingleton<AccessLogAppender>();
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SafeguardDbContext>()
            .AddTokenProvider<AuthenticatorTokenProvider<StaffUser>>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddScoped<StaffAdministration>();
        return services.BuildServiceProvider();
    }
}
