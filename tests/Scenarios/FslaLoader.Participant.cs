using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Scenarios;

/// <summary>What a caseworker does for one participant: enrol, record the validation, record the exit.</summary>
public sealed partial class FslaLoader
{
    /// <summary>The first enrolment, retried until Participants has heard of the new collaboration.</summary>
    private async Task<Guid> EnrolFirstAsync(FslaParticipant person, Guid collaborationId, IReadOnlyDictionary<string, Guid> actorIds, CancellationToken ct)
    {
        ApiResponse? last = null;
        try
        {
            await Until(async () =>
            {
                last = await api.PostAsync("/api/participants", EnrolmentBody(person, collaborationId), Roles.Caseworker, actorIds[person.ReferrerKey], ct);
                return last.Status is HttpStatusCode.Created or HttpStatusCode.OK;
            }, "the first enrolment to be accepted", ct);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} The last answer: {last}", ex);
        }
        return last!.Id;
    }

    /// <summary>201 a new participant, 200 one an earlier run enrolled. A refusal naming the collaboration or the
    /// referrer is an event still on its way, and is retried; anything else stops the run.</summary>
    private async Task<Guid> EnrolAsync(FslaParticipant person, Guid collaborationId, Guid agency, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var response = await api.PostAsync("/api/participants", EnrolmentBody(person, collaborationId), Roles.Caseworker, agency, ct);
            if (response.Status is HttpStatusCode.Created or HttpStatusCode.OK)
                return response.Id;
            var waiting = response.ProblemFields().Any(f => f is "collaborationId" or "referringActorId");
            if (!waiting || deadline.Elapsed > options.EventDeadline)
                throw Unexpected($"enrolling participant {person.Number}", response);
            await Task.Delay(250, ct);
        }
    }

    private static object EnrolmentBody(FslaParticipant p, Guid collaborationId) => new
    {
        collaborationId,
        personalIdentityNumber = p.PersonalIdentityNumber,
        gender = p.Gender,
        municipalityCode = p.MunicipalityCode,
        referralDate = p.ReferralDate,
        targetGroups = p.TargetGroups,
        benefitAtStart = p.BenefitAtStart,
        labourMarketStatus = p.LabourMarketStatus,
        educationLevel = p.EducationLevel,
        startDate = p.StartDate,
    };

    /// <returns>True when recorded, false when an earlier run did, null when the platform has no such endpoint.</returns>
    private async Task<bool?> ValidateAsync(Guid id, FslaParticipant person, FslaValidation validation, Guid agency, CancellationToken ct)
    {
        var path = $"/api/participants/{id}/validations";
        var existing = await api.GetAsync(path, Roles.Caseworker, agency, ct);
        if (existing.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            return null;
        if (existing.IsSuccess && existing.Body.ValueKind == JsonValueKind.Array && existing.Body.GetArrayLength() > 0)
            return false;
        var municipality = FslaMunicipalities.All.Single(m => m.Code == person.MunicipalityCode).Name;
        var response = await api.PostAsync(path, new
        {
            method = ValidationMethod.Ocn,
            assessor = $"OCN-bedömare, {municipality}",
            date = validation.Date,
            certificateIssued = validation.CertificateIssued,
        }, Roles.Caseworker, agency, ct);
        if (!response.IsSuccess) throw Unexpected($"recording the validation of participant {person.Number}", response);
        return true;
    }

    /// <returns>True when recorded now; false when an earlier run did (409).</returns>
    private async Task<bool> ExitAsync(Guid id, FslaExit exit, Guid agency, CancellationToken ct)
    {
        var response = await api.PostAsync($"/api/participants/{id}/exit", new
        {
            exitDate = exit.ExitDate,
            outcome = exit.Outcome,
            reason = "Avslut enligt FSLA-scenariot.",
        }, Roles.Caseworker, agency, ct);
        if (response.IsSuccess) return true;
        if (response.Status == HttpStatusCode.Conflict) return false;
        throw Unexpected($"exiting participant {id}", response);
    }
}
