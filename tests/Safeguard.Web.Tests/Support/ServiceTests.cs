using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;

namespace Safeguard.Web.Tests.Support;

/// <summary>
/// What the service tests that run on both databases share: the test borough's users as actors, today's UK date,
/// and work run in a fresh service scope (first skipping the PostgreSQL run when there is no server).
/// </summary>
public abstract class ServiceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SafeguardApp
{
    protected TApp App { get; } = app;

    protected Actor As(string role) => App.Borough.Users[role].Actor;

    protected static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

    protected async Task<T> With<T>(Func<IServiceProvider, Task<T>> work)
    {
        await App.As(Roles.SocialWorker);   // skips the PostgreSQL run when there is no server
        using var scope = App.Factory.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }
}
