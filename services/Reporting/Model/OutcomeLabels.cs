using Samverkan.Contracts.Participants;

namespace Samverkan.Reporting.Model;

/// <summary>Exit outcomes and their groups as reports key and label them (Swedish for readers, English on request).</summary>
public static class OutcomeLabels
{
    public const string WorkKey = "work";
    public const string WorkOrStudiesKey = "work-or-studies";

    public static string Key(ExitOutcome outcome) => ServiceDefaults.Http.KebabCaseEnum.Name(outcome);

    public static string Label(ExitOutcome outcome, ReportLanguage language) => (outcome, language) switch
    {
        (ExitOutcome.Employment, ReportLanguage.Swedish) => "arbete: anställning",
        (ExitOutcome.SubsidisedEmployment, ReportLanguage.Swedish) => "arbete: anställning med stöd",
        (ExitOutcome.SelfEmployment, ReportLanguage.Swedish) => "arbete: eget företag",
        (ExitOutcome.Studies, ReportLanguage.Swedish) => "studier",
        (ExitOutcome.Internship, ReportLanguage.Swedish) => "praktik",
        (ExitOutcome.JobSeeking, ReportLanguage.Swedish) => "söker arbete",
        (ExitOutcome.Other, ReportLanguage.Swedish) => "annat",
        (ExitOutcome.Employment, _) => "work: employment",
        (ExitOutcome.SubsidisedEmployment, _) => "work: subsidised employment",
        (ExitOutcome.SelfEmployment, _) => "work: self-employment",
        (ExitOutcome.Studies, _) => "studies",
        (ExitOutcome.Internship, _) => "internship",
        (ExitOutcome.JobSeeking, _) => "job-seeking",
        (ExitOutcome.Other, _) => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "No report label for this outcome."),
    };

    public static string Work(ReportLanguage language) => language == ReportLanguage.Swedish ? "arbete" : "work";

    public static string WorkOrStudies(ReportLanguage language) => language == ReportLanguage.Swedish ? "arbete eller studier" : "work or studies";

    public static string Exits(ReportLanguage language) => language == ReportLanguage.Swedish ? "avslutade deltagare efter utfall" : "exits by outcome";

    public static string Exited(ReportLanguage language) => language == ReportLanguage.Swedish ? "avslutade" : "exited";

    public static string Active(ReportLanguage language) => language == ReportLanguage.Swedish ? "aktiva deltagare" : "active participants";

    public static string Hours(ReportLanguage language) => language == ReportLanguage.Swedish ? "deltagartimmar per månad" : "participation hours by month";
}
