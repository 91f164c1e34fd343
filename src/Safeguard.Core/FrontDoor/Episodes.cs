using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// What a front-door decision starts for each child: a referral to children's social care (the census's
/// episode, and the team's work), or early help. Shared by the contact service's screening and the MASH.
/// </summary>
internal static class Episodes
{
    public static readonly TeamKind[] SocialWorkTeams = [TeamKind.Assessment, TeamKind.ChildInNeed, TeamKind.ChildProtection];

    /// <summary>The team a decision names, checked to be of a suitable kind; for early help, the early help team when none is named.</summary>
    public static async Task<Team> TeamForAsync(SafeguardDbContext db, int? teamId, bool earlyHelp, CancellationToken ct)
    {
        if (earlyHelp && teamId is null)
        {
            return await db.Teams.Where(t => t.Kind == TeamKind.EarlyHelp && t.IsActive).OrderBy(t => t.Id).FirstOrDefaultAsync(ct)
                ?? throw Refuse.Invalid("ToTeamId", "There is no early help team: ask an administrator to add one");
        }
        if (teamId is null) throw Refuse.Invalid("ToTeamId", "Choose the team that will take it on");
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId && t.IsActive, ct);
        var suitable = earlyHelp ? team?.Kind == TeamKind.EarlyHelp : team is not null && SocialWorkTeams.Contains(team.Kind);
        if (team is null || !suitable)
            throw Refuse.Invalid("ToTeamId", earlyHelp ? "Choose an early help team" : "Choose a social work team (assessment, child in need or child protection)");
        return team;
    }

    /// <summary>Opens a referral for each child who does not already have an open case, and gives the team the work.</summary>
    public static async Task OpenReferralsAsync(SafeguardDbContext db, Contact contact, Team? team, string primaryNeed, bool noFurtherAction,
        bool strategyDiscussion, DateTime decidedAtUtc, Actor actor, string area, CancellationToken ct)
    {
        var referralDate = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(new DateTimeOffset(contact.ReceivedAtUtc, TimeSpan.Zero)));
        foreach (var child in contact.Children.Where(c => c.PersonId is not null && !c.HadOpenCase))
        {
            var referral = new Referral
            {
                PersonId = child.PersonId!.Value, ContactId = contact.Id, ReferralDate = referralDate, SourceCode = contact.SourceCode,
                PrimaryNeedCode = primaryNeed, NoFurtherAction = noFurtherAction, TeamId = team?.Id,
                StrategyDiscussionNeeded = strategyDiscussion, CreatedAtUtc = decidedAtUtc,
            };
            if (noFurtherAction) referral.ClosedOn = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(new DateTimeOffset(decidedAtUtc, TimeSpan.Zero)));
            db.Referrals.Add(referral);
            await db.SaveChangesAsync(ct);
            child.ReferralId = referral.Id;
            if (!noFurtherAction && team is not null)
            {
                db.Involvements.Add(new Involvement
                {
                    PersonId = referral.PersonId, Kind = InvolvementKind.Assessment, StartDate = referralDate, TeamId = team.Id,
                });
            }
            var what = noFurtherAction ? "Referral to children's social care recorded, with no further action"
                : strategyDiscussion ? $"Referred to children's social care ({team?.Name}): strategy discussion needed"
                : $"Referred to children's social care for an assessment ({team?.Name})";
            ChronologyWriter.Add(db, referral.PersonId, decidedAtUtc, decidedAtUtc, actor, area, FrontDoorChronology.Referral,
                $"{what}, from contact {contact.Reference}", significant: true);
        }
    }

    public static void StartEarlyHelp(SafeguardDbContext db, Contact contact, Team team, DateTime decidedAtUtc, Actor actor, string area)
    {
        var start = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(new DateTimeOffset(decidedAtUtc, TimeSpan.Zero)));
        foreach (var child in contact.Children.Where(c => c.PersonId is not null && !c.HadOpenCase))
        {
            db.Involvements.Add(new Involvement { PersonId = child.PersonId!.Value, Kind = InvolvementKind.EarlyHelp, StartDate = start, TeamId = team.Id });
            ChronologyWriter.Add(db, child.PersonId.Value, decidedAtUtc, decidedAtUtc, actor, area, FrontDoorChronology.EarlyHelp,
                $"Passed to early help ({team.Name}) from contact {contact.Reference}", significant: true);
        }
    }
}

/// <summary>The kinds of chronology entry the front door writes.</summary>
public static class FrontDoorChronology
{
    public const string Area = "Front door";
    public const string ContactReceived = "Contact received";
    public const string NewInformation = "New information";
    public const string Screened = "Screening decision";
    public const string ReferrerTold = "Referrer told the outcome";
    public const string Referral = "Referral";
    public const string EarlyHelp = "Early help";
    public const string Rated = "RAG rating";
    public const string InformationRequested = "Information requested";
    public const string InformationReceived = "Information received";
    public const string MashDecision = "MASH decision";
    public const string Consultation = "Consultation";
}
