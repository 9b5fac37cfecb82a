using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samverkan.Contracts.Participants;
using Samverkan.Participants.Infrastructure;
using Samverkan.Participants.Model;
using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Participants.Apis;

/// <summary>
/// Enrolment and reading of participants. Agency staff only: employers never reach this service. A
/// participant is visible to admins and to the referring actor's staff; to anyone else it does not exist (404).
/// </summary>
public static class ParticipantsApi
{
    /// <summary>The header that may carry the reason for an identifying read, instead of <c>?reason=</c>.</summary>
    public const string ReasonHeader = "X-Access-Reason";

    public static IEndpointRouteBuilder MapParticipantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/participants").WithTags("Participants").RequireAuthorization(Policies.AgencyStaff);
        api.MapPost("/", EnrolParticipant);
        api.MapGet("/", ListParticipants);
        api.MapGet("/{id:guid}", GetParticipant);
        api.MapGet("/audit", ListIdentityAccess).RequireAuthorization(Policies.Admin);
        return app;
    }

    /// <summary>
    /// Enrols a participant: 201 with a new id, or 200 with the existing participant when the same person (same
    /// keyed hash of the number) is already enrolled in the collaboration; the first start date is kept.
    /// </summary>
    public static async Task<Results<Created<ParticipantResponse>, Ok<ParticipantResponse>, ValidationProblem, ProblemHttpResult>> EnrolParticipant(
        EnrolParticipantRequest request, ClaimsPrincipal user, ParticipantsDbContext db, IdentityProtector protector,
        IAuthorizationService authorization, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        PersonalIdentityNumber? number = null;
        if (request.PersonalIdentityNumber is not null && request.WithoutNumber is not null)
            errors["withoutNumber"] = ["Give either a personal identity number or withoutNumber, not both."];
        else if (request.PersonalIdentityNumber is null && request.WithoutNumber is null)
            errors["personalIdentityNumber"] = ["A personal identity number is required, or withoutNumber: anonymous or protected-identity."];
        else if (request.PersonalIdentityNumber is not null
                 && !PersonalIdentityNumber.TryParse(request.PersonalIdentityNumber, out number, out var numberError))
            errors["personalIdentityNumber"] = [numberError];

        var gender = Genders.Derive(request.Gender, number);
        if (gender is null && request.WithoutNumber is not null)
            errors["gender"] = ["Gender is required for a participant without a personal identity number."];
        if (number is not null && request.BirthDate is { } given && given != number.BirthDate)
            errors["birthDate"] = ["The birth date does not match the personal identity number."];
        var birthDate = number?.BirthDate ?? request.BirthDate;
        if (request.ReferralDate > request.StartDate)
            errors["referralDate"] = ["The referral date cannot be after the start date."];
        if (birthDate > request.StartDate)
            errors["startDate"] = ["The start date cannot be before the participant's birth."];

        var referringActorId = request.ReferringActorId ?? user.GetAgencyId();
        if (referringActorId is null)
            errors["referringActorId"] = ["The referring actor is required."];
        else if (!user.IsInRole(Roles.Admin) && referringActorId != user.GetAgencyId())
            return TypedResults.Problem(
                title: "Only your own agency can be the referring actor.",
                statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["field"] = "referringActorId" });
        else if (!await db.KnownActors.AnyAsync(a => a.Id == referringActorId, ct))
            errors["referringActorId"] = ["The referring actor is not a known actor: it must be registered in Actors first."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var collaborationId = request.CollaborationId!.Value;
        var lookupHash = number is null ? null : protector.LookupHash(number);
        if (lookupHash is not null
            && await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.CollaborationId == collaborationId && p.NumberLookupHash == lookupHash, ct)
                is { } existing)
            return await AlreadyEnrolled(existing, user, authorization);

        var participant = new Participant
        {
            Id = NewId.NextSequentialGuid(),
            CollaborationId = collaborationId,
            IdentityKind = number is null
                ? request.WithoutNumber == WithoutNumber.ProtectedIdentity ? IdentityKind.ProtectedIdentity : IdentityKind.Anonymous
                : number.IsCoordinationNumber ? IdentityKind.CoordinationNumber : IdentityKind.PersonalIdentityNumber,
            ProtectedNumber = number is null ? null : protector.ProtectNumber(number),
            NumberLookupHash = lookupHash,
            ProtectedName = string.IsNullOrWhiteSpace(request.Name) ? null : protector.ProtectName(request.Name.Trim()),
            Gender = gender!.Value,
            BirthDate = birthDate,
            AgeAtStart = birthDate is { } born ? Age.On(born, request.StartDate!.Value) : null,
            MunicipalityCode = request.MunicipalityCode!,
            ReferringActorId = referringActorId!.Value,
            ReferralDate = request.ReferralDate!.Value,
            TargetGroups = (request.TargetGroups ?? []).Distinct().Order().ToList(),
            BenefitAtStart = request.BenefitAtStart!.Value,
            LabourMarketStatusAtEntry = request.LabourMarketStatus!.Value,
            EducationLevelAtEntry = request.EducationLevel!.Value,
            StartDate = request.StartDate!.Value,
            EnrolledAt = DateTimeOffset.UtcNow,
            EnrolledBy = user.Identity?.Name ?? "unknown",
        };
        db.Participants.Add(participant);
        db.AddIntegrationEvent(participant.ToEnrolledEvent());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Lost a race with a concurrent enrolment of the same person: answer as a re-enrolment.
            db.ChangeTracker.Clear();
            var winner = await db.Participants.AsNoTracking()
                .SingleAsync(p => p.CollaborationId == collaborationId && p.NumberLookupHash == lookupHash, ct);
            return await AlreadyEnrolled(winner, user, authorization);
        }
        return TypedResults.Created($"/api/participants/{participant.Id}", ParticipantResponse.From(participant));
    }

    /// <summary>
    /// The participants the caller may see (their agency's referrals; all for an admin), without identifying data,
    /// optionally in one collaboration.
    /// </summary>
    public static async Task<Ok<PagedResult<ParticipantResponse>>> ListParticipants(
        ClaimsPrincipal user, ParticipantsDbContext db, CancellationToken ct, Guid? collaborationId = null, int page = 1, int pageSize = 50)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = db.Participants.AsNoTracking();
        if (!user.IsInRole(Roles.Admin))
        {
            var agency = user.GetAgencyId();
            query = query.Where(p => p.ReferringActorId == agency);
        }
        if (collaborationId is not null)
            query = query.Where(p => p.CollaborationId == collaborationId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.StartDate).ThenBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<ParticipantResponse>(items.Select(ParticipantResponse.From).ToList(), page, pageSize, total));
    }

    /// <summary>
    /// The participant's record. With a reason (<c>?reason=</c> or the <c>X-Access-Reason</c> header) it includes the
    /// identifying data, and the read is written to the audit log before anything is returned.
    /// </summary>
    public static async Task<Results<Ok<ParticipantResponse>, NotFound, ValidationProblem>> GetParticipant(
        Guid id, ClaimsPrincipal user, ParticipantsDbContext db, IdentityProtector protector, IAuthorizationService authorization,
        CancellationToken ct, string? reason = null, [FromHeader(Name = ReasonHeader)] string? reasonHeader = null)
    {
        var why = (string.IsNullOrWhiteSpace(reason) ? reasonHeader : reason)?.Trim();
        if (why is { Length: > 500 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["The reason is at most 500 characters."] });

        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (participant is null || !(await authorization.AuthorizeAsync(user, participant, ParticipantAccessRequirement.Instance)).Succeeded)
            return TypedResults.NotFound();

        var response = ParticipantResponse.From(participant);
        if (string.IsNullOrEmpty(why))
            return TypedResults.Ok(response);

        db.IdentityAccessLog.Add(new IdentityAccess
        {
            ParticipantId = participant.Id,
            Subject = user.Identity?.Name ?? "unknown",
            AgencyId = user.GetAgencyId(),
            Role = user.GetRole() ?? "unknown",
            Reason = why,
            AccessedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(ct);

        var digits = participant.ProtectedNumber is null ? null : protector.UnprotectNumber(participant.ProtectedNumber);
        return TypedResults.Ok(response with
        {
            PersonalIdentityNumber = digits is null ? null : $"{digits[..8]}-{digits[8..]}",
            Name = participant.ProtectedName is null ? null : protector.UnprotectName(participant.ProtectedName),
            BirthDate = participant.BirthDate,
        });
    }

    /// <summary>The audit log of identifying reads, newest first; admins only.</summary>
    public static async Task<Ok<PagedResult<IdentityAccessResponse>>> ListIdentityAccess(
        ParticipantsDbContext db, CancellationToken ct, Guid? participantId = null, int page = 1, int pageSize = 50)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = db.IdentityAccessLog.AsNoTracking();
        if (participantId is not null)
            query = query.Where(a => a.ParticipantId == participantId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.AccessedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<IdentityAccessResponse>(items.Select(IdentityAccessResponse.From).ToList(), page, pageSize, total));
    }

    /// <summary>
    /// A re-enrolment: the existing participant (first start date kept) for those who may see it; for another
    /// agency a 409 without any of the record's data.
    /// </summary>
    private static async Task<Results<Created<ParticipantResponse>, Ok<ParticipantResponse>, ValidationProblem, ProblemHttpResult>> AlreadyEnrolled(
        Participant existing, ClaimsPrincipal user, IAuthorizationService authorization)
    {
        if ((await authorization.AuthorizeAsync(user, existing, ParticipantAccessRequirement.Instance)).Succeeded)
            return TypedResults.Ok(ParticipantResponse.From(existing));
        return TypedResults.Problem(
            title: "This person is already enrolled in the collaboration by another actor.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["field"] = "personalIdentityNumber" });
    }
}
