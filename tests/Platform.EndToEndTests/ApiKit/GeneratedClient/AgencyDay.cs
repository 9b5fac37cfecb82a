// Compiled at test time (GeneratedClientTests) with the clients Kiota generated from the platform's OpenAPI documents:
// every type below except the framework's and Kiota's own comes from those documents. Not part of the test project.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Agency.Actors;
using Agency.Participants;
using Agency.Reporting;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using ActorModels = Agency.Actors.Models;
using ParticipantModels = Agency.Participants.Models;

namespace Agency;

public static class AgencyDay
{
    /// <param name="clients">An HttpClient that carries a token for the role and agency (the identity service's client credentials).</param>
    /// <param name="organisationNumber">The agency's organisationsnummer (a fresh one of the test range each run).</param>
    /// <param name="until">Waits, with a deadline, until the condition holds (Reporting follows from events).</param>
    public static async Task<IReadOnlyDictionary<string, object?>> RunAsync(
        Func<string, Guid?, HttpClient> clients, Uri gateway, Func<Func<Task<bool>>, string, Task> until, string organisationNumber)
    {
        // The operator registers the agency as an actor; from then on the agency's own system acts for it.
        var platformOperator = Client<ActorsClient>(clients("operator", null), gateway, a => new ActorsClient(a));
        var actor = await platformOperator.Api.Actors.PostAsync(new ActorModels.RegisterActorRequest
        {
            Name = "Vetlanda kommun",
            OrganisationNumber = organisationNumber,
            Sector = ActorModels.ActorSector.Public,
            Kind = ActorModels.ActorKind.Municipality,
            MunicipalityCode = "0685",
        });
        var agency = actor!.Id!.Value;
        var system = clients("coordinator", agency);
        var actors = Client(system, gateway, a => new ActorsClient(a));
        var participants = Client(system, gateway, a => new ParticipantsClient(a));
        var reports = Client(system, gateway, a => new ReportingClient(a));

        var collaboration = await actors.Api.Collaborations.PostAsync(new ActorModels.CreateCollaborationRequest
        {
            Name = "Vägen till arbete i Vetlanda",
            Purpose = "Fler i arbete eller studier",
            TargetGroups = [ActorModels.TargetGroup.LongTermUnemployed],
            Geography = ["0685"],
            StartDate = new Date(2026, 1, 1),
            EndDate = new Date(2027, 12, 31),
            Financing = new ActorModels.FinancingRequest { Source = ActorModels.FinancingSource.EsfPlus, Budget = 1_000_000 },
            Targets = new ActorModels.TargetsRequest
            {
                Participants = new ActorModels.ParticipantTargetsRequest { Total = 100, Women = 50, Men = 50 },
                ExitToWorkOrStudiesShare = 60,
            },
        });
        var collaborationId = collaboration!.Id!.Value;

        // Participants learns of the collaboration from Actors' events: until it has, an enrolment is refused (400).
        ParticipantModels.ParticipantResponse? participant = null;
        await until(async () =>
        {
            try
            {
                participant = await participants.Api.Participants.PostAsync(new ParticipantModels.EnrolParticipantRequest
                {
                    CollaborationId = collaborationId,
                    WithoutNumber = ParticipantModels.WithoutNumber.Anonymous,
                    Gender = ParticipantModels.Gender.Woman,
                    BirthDate = new Date(1990, 5, 5),
                    MunicipalityCode = "0685",
                    ReferralDate = new Date(2026, 1, 5),
                    BenefitAtStart = ParticipantModels.BenefitType.ActivitySupport,
                    LabourMarketStatus = ParticipantModels.LabourMarketStatus.LongTermUnemployed,
                    EducationLevel = ParticipantModels.EducationLevel.UpperSecondaryOrPostSecondary,
                    StartDate = new Date(2026, 1, 10),
                });
                return true;
            }
            catch (ApiException problem) when (problem.ResponseStatusCode == 400)
            {
                return false;
            }
        }, "Participants to know the collaboration");
        var id = participant!.Id!.Value;

        await participants.Api.Participants[id].Hours.PostAsync(new ParticipantModels.RecordHoursRequest { Date = new Date(2026, 2, 2), Hours = 6 });
        await participants.Api.Participants[id].Hours.PostAsync(new ParticipantModels.RecordHoursRequest { Date = new Date(2026, 2, 3), Hours = 6.5 });
        var february = await participants.Api.Participants[id].Hours.GetAsync(c =>
        {
            c.QueryParameters.From = "2026-02-01";
            c.QueryParameters.To = "2026-02-28";
        });
        var exit = await participants.Api.Participants[id].Exit.PostAsync(new ParticipantModels.ExitRequest
        {
            ExitDate = new Date(2026, 3, 31),
            Outcome = ParticipantModels.ExitOutcome.Employment,
            Reason = "Anställning",
        });

        Agency.Reporting.Models.CollaborationSummaryReport? summary = null;
        await until(async () =>
        {
            try
            {
                summary = await reports.Api.Reports.Collaborations[collaborationId].Summary.GetAsync();
                return summary?.Exits?.Totals?.Total?.Count == 1;
            }
            catch (ApiException problem) when (problem.ResponseStatusCode == 404)
            {
                return false; // Reporting has not yet heard of the collaboration
            }
        }, "the exit in the collaboration's summary");

        return new Dictionary<string, object?>
        {
            ["role"] = "coordinator",
            ["exitOutcome"] = WireName(exit!.Outcome),
            ["februaryHours"] = (decimal?)february!.TotalHours,
            ["summaryExits"] = summary!.Exits!.Totals!.Total!.Count,
            ["summaryStarted"] = summary.Started!.Total!.Count,
        };
    }

    private static T Client<T>(HttpClient http, Uri gateway, Func<IRequestAdapter, T> create) =>
        create(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = gateway.ToString().TrimEnd('/') });

    private static string? WireName<TEnum>(TEnum? value) where TEnum : struct, Enum =>
        value is null ? null
        : typeof(TEnum).GetField(value.Value.ToString())!.GetCustomAttributes(typeof(System.Runtime.Serialization.EnumMemberAttribute), false)
            .Cast<System.Runtime.Serialization.EnumMemberAttribute>().Single().Value;
}
