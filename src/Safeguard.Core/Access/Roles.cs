namespace Safeguard.Core.Access;

/// <summary>The roles a member of staff or a partner can hold. Names are stored, so never rename one.</summary>
public static class Roles
{
    public const string ContactServiceWorker = "ContactServiceWorker";
    public const string MashWorker = "MashWorker";
    public const string MashManager = "MashManager";
    public const string SocialWorker = "SocialWorker";
    public const string TeamManager = "TeamManager";
    public const string ServiceManager = "ServiceManager";
    public const string EmergencyDutyWorker = "EmergencyDutyWorker";
    public const string EarlyHelpWorker = "EarlyHelpWorker";
    public const string ConferenceChair = "ConferenceChair";
    public const string Lado = "Lado";
    public const string PartnerAgencyUser = "PartnerAgencyUser";
    public const string PartnershipOfficer = "PartnershipOfficer";
    public const string QaOfficer = "QaOfficer";
    public const string PerformanceAnalyst = "PerformanceAnalyst";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<(string Role, string Label)> All =
    [
        (ContactServiceWorker, "Contact service worker"),
        (MashWorker, "MASH worker"),
        (MashManager, "MASH manager"),
        (SocialWorker, "Social worker"),
        (TeamManager, "Team manager"),
        (ServiceManager, "Service manager"),
        (EmergencyDutyWorker, "Emergency duty worker"),
        (EarlyHelpWorker, "Early help worker"),
        (ConferenceChair, "Conference chair / IRO"),
        (Lado, "LADO"),
        (PartnerAgencyUser, "Partner agency user"),
        (PartnershipOfficer, "Partnership officer"),
        (QaOfficer, "QA officer"),
        (PerformanceAnalyst, "Performance analyst"),
        (Administrator, "Administrator"),
    ];

    public static bool IsKnown(string role) => All.Any(r => r.Role == role);

    public static string Label(string role) => All.FirstOrDefault(r => r.Role == role).Label ?? role;
}
