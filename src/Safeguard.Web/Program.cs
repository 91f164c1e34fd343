using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Notifications;
using Safeguard.Core.People;
using Safeguard.Core.People.Search;
using Safeguard.Core.Work;
using Safeguard.Web.Api;
using Safeguard.Web.Security;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

// The database: SQLite or PostgreSQL by configuration alone.
var (provider, connectionString) = Database.FromConfiguration(config);
builder.Services.AddSafeguardDatabase(provider, connectionString);

// Time is injected so tests can fix "now".
builder.Services.AddSingleton(TimeProvider.System);

// The access log: its key lives outside the database; views are written in the background.
builder.Services.AddSingleton(_ => new AccessLogChain(AccessLogKey.From(config)));
builder.Services.AddSingleton<AccessLogAppender>();
builder.Services.AddSingleton<AccessLogVerifier>();
builder.Services.AddSingleton<AccessLogQueue>();
builder.Services.AddHostedService<AccessLogWriter>();

// The service's areas.
builder.Services.AddScoped<RecordAccess>();
builder.Services.AddScoped<PeopleService>();
builder.Services.AddScoped<PersonSearch>();
builder.Services.AddScoped<DuplicateCheck>();
builder.Services.AddScoped<RestrictionService>();
builder.Services.AddScoped<PersonRecord>();
builder.Services.AddScoped<StaffAdministration>();

// The calendar and the council's front-door rules (timescales: docs/timescales.md).
builder.Services.AddSingleton(new BankHolidays());
builder.Services.AddSingleton<WorkingDayCalendar>();
builder.Services.AddSingleton(FrontDoorRules.From(config));
builder.Services.AddScoped<ContactService>();
builder.Services.AddScoped<MashService>();
builder.Services.AddScoped<PartnerService>();
builder.Services.AddScoped<AttachmentService>();
builder.Services.AddScoped<FrontDoorQueries>();
builder.Services.AddScoped<ConsultationService>();
builder.Services.AddScoped<ContactImport>();
builder.Services.AddScoped<MyWork>();
builder.Services.AddSingleton(Safeguard.Core.SocialWork.SocialWorkRules.From(config));
builder.Services.AddSingleton(Safeguard.Core.ChildProtection.ChildProtectionRules.From(config));
builder.Services.AddSingleton<Safeguard.Core.ChildProtection.ChildProtectionDues>();
builder.Services.AddScoped<Safeguard.Core.ChildProtection.StrategyDiscussionService>();
builder.Services.AddScoped<Safeguard.Core.ChildProtection.Section47Service>();
builder.Services.AddScoped<Safeguard.Core.ChildProtection.ConferenceService>();
builder.Services.AddScoped<Safeguard.Core.ChildProtection.ChildProtectionCase>();
builder.Services.AddScoped<Safeguard.Core.ChildProtection.ChildProtectionPlanService>();
builder.Services.AddScoped<Safeguard.Core.ChildProtection.FlaggedPlans>();
builder.Services.AddScoped<Safeguard.Core.ChildProtection.ChildProtectionMyWork>();
builder.Services.AddScoped<Safeguard.Core.ChildProtection.ChildProtectionOverview>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.CaseAccess>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.AllocationService>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.AssessmentService>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.ClosureService>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.ChildInNeedPlanService>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.OversightService>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.SupervisionService>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.OversightQueries>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.VisitDues>();
builder.Services.AddHostedService<Safeguard.Core.SocialWork.VisitDueStartup>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.TeamOverdue>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.VisitService>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.CaseNoteService>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.SocialWorkMyWork>();
builder.Services.AddScoped<Safeguard.Core.SocialWork.FormDrafts>();

// Emails go through the outbox to the council's mail server (Notifications:Smtp); without one they are only logged.
builder.Services.AddScoped<Outbox>();
if (SmtpSettings.From(config) is { } smtp)
    builder.Services.AddSingleton<IEmailSender>(new SmtpEmailSender(smtp));
else
    builder.Services.AddSingleton<IEmailSender, LogEmailSender>();
builder.Services.AddSingleton<OutboxSender>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());

builder.Services.AddSafeguardSignIn(config);
builder.Services.AddSafeguardPolicies();
builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RefusalLogging>();
builder.Services.AddRazorPages().AddMvcOptions(o => o.Filters.Add<ServiceExceptionFilter>());
builder.Services.AddProblemDetails();
// The API writes choices by name ("SiblingOf", "Red"), as the front door's inputs take them; numbers are still read.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddOpenApi();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentActor>();

var app = builder.Build();

if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Status/{0}");
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseTwoFactorRequirement();
app.UseAuthorization();

app.MapRazorPages();
app.MapOpenApi("/api/openapi.json").AllowAnonymous();
app.MapPeopleApi();
app.MapUsersApi();
app.MapFrontDoorApi();
app.MapCasesApi();
app.MapAssessmentsApi();
app.MapClosuresApi();
app.MapPlansApi();
app.MapOversightApi();
app.MapVisitsApi();
app.MapChildProtectionApi();

app.Run();

/// <summary>Exposed so the in-process tests can host the app.</summary>
public partial class Program;
