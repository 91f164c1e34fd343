namespace Safeguard.Core.ChildProtection;

/// <summary>
/// Who someone at a strategy discussion or conference is there as. Participation is reported by these (the board
/// watches GP reports to conferences), so they are fixed codes, not free text.
/// </summary>
public enum ProfessionalRole
{
    SocialWorker, TeamManager, Police, Gp, HealthVisitor, SchoolNurse, Midwife, Paediatrician, MentalHealth, School, EarlyYears,
    Probation, Housing, YouthJustice, SubstanceMisuse, DomesticAbuseService, Other,
}

public static class ProfessionalRoles
{
    /// <summary>The roles that count as health: Working Together has police and health at every strategy discussion.</summary>
    public static readonly ProfessionalRole[] Health =
        [ProfessionalRole.Gp, ProfessionalRole.HealthVisitor, ProfessionalRole.SchoolNurse, ProfessionalRole.Midwife, ProfessionalRole.Paediatrician, ProfessionalRole.MentalHealth];

    public static string Label(ProfessionalRole role) => role switch
    {
        ProfessionalRole.SocialWorker => "Social worker",
        ProfessionalRole.TeamManager => "Social work manager",
        ProfessionalRole.Police => "Police",
        ProfessionalRole.Gp => "GP",
        ProfessionalRole.HealthVisitor => "Health visitor",
        ProfessionalRole.SchoolNurse => "School nurse",
        ProfessionalRole.Midwife => "Midwife",
        ProfessionalRole.Paediatrician => "Paediatrician",
        ProfessionalRole.MentalHealth => "Mental health",
        ProfessionalRole.School => "School",
        ProfessionalRole.EarlyYears => "Early years",
        ProfessionalRole.Probation => "Probation",
        ProfessionalRole.Housing => "Housing",
        ProfessionalRole.YouthJustice => "Youth justice",
        ProfessionalRole.SubstanceMisuse => "Substance misuse service",
        ProfessionalRole.DomesticAbuseService => "Domestic abuse service",
        _ => "Other",
    };
}
