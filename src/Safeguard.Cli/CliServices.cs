using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Notifications;
using Safeguard.Core.Data;

namespace Safeguard.Cli;

/// <summary>The services the commands need (Identity's user manager, the access log, the front door), wired as the web app wires them.</summary>
public static class CliServices
{
    /// <param name="more">Anything else a caller needs (the tests add the people services to seed a borough).</param>
    public static ServiceProvider Build(IConfiguration config, Action<IServiceCollection>? more = null)
    {
        var (provider, cs) = Database.FromConfiguration(config);
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSafeguardDatabase(provider, cs);
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

        // The front door. Views queue for the access log; the commands start its writer (see ActAs).
        services.AddSingleton<AccessLogQueue>();
        services.AddSingleton<AccessLogWriter>();
        services.AddScoped<RecordAccess>();
        services.AddSingleton(new BankHolidays());
        services.AddSingleton<WorkingDayCalendar>();
        services.AddSingleton(FrontDoorRules.From(config));
        services.AddScoped<Outbox>();
        services.AddScoped<ContactService>();
        services.AddScoped<MashService>();
        services.AddScoped<PartnerService>();
        services.AddScoped<FrontDoorQueries>();
        services.AddScoped<ContactImport>();
        services.AddSingleton(Safeguard.Core.SocialWork.SocialWorkRules.From(config));
        services.AddSingleton(Safeguard.Core.ChildProtection.ChildProtectionRules.From(config));
        services.AddSingleton<Safeguard.Core.ChildProtection.ChildProtectionDues>();
        services.AddScoped<Safeguard.Core.ChildProtection.StrategyDiscussionService>();
        services.AddScoped<Safeguard.Core.ChildProtection.Section47Service>();
        services.AddScoped<Safeguard.Core.ChildProtection.ConferenceService>();
        services.AddScoped<Safeguard.Core.ChildProtection.ChildProtectionPlanService>();
        services.AddScoped<Safeguard.Core.SocialWork.CaseAccess>();
        services.AddScoped<Safeguard.Core.SocialWork.AllocationService>();
        services.AddScoped<Safeguard.Core.SocialWork.AssessmentService>();
        services.AddScoped<Safeguard.Core.SocialWork.ClosureService>();
        services.AddScoped<Safeguard.Core.SocialWork.ChildInNeedPlanService>();
        services.AddScoped<Safeguard.Core.SocialWork.OversightService>();
        services.AddScoped<Safeguard.Core.SocialWork.SupervisionService>();
        services.AddScoped<Safeguard.Core.SocialWork.OversightQueries>();
        services.AddScoped<Safeguard.Core.SocialWork.VisitService>();
        services.AddScoped<Safeguard.Core.SocialWork.CaseNoteService>();
        services.AddScoped<Safeguard.Core.SocialWork.FormDrafts>();
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
