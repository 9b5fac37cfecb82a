using System.ComponentModel.DataAnnotations;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Actors.Apis;

/// <summary>The terms of one agreement version, as drafted, edited or amended.</summary>
public record AgreementTermsRequest
{
    [Required]
    public AgreementForm? Form { get; init; }

    [StringLength(300)]
    public string? OralAgreedBy { get; init; }

    [PlausibleDate]
    public DateOnly? OralAgreedOn { get; init; }

    [Required, MinLength(1), MaxLength(50)]
    public List<ContributionRequest>? Contributions { get; init; }

    [Required, PlausibleDate]
    public DateOnly? ValidFrom { get; init; }

    [Required, PlausibleDate]
    public DateOnly? ValidTo { get; init; }

    [MaxLength(20)]
    public List<SignatoryRequest>? Signatories { get; init; }
}

public sealed record CreateAgreementRequest : AgreementTermsRequest
{
    /// <summary>The member actor the agreement binds; defaults to the caller's agency.</summary>
    public Guid? ActorId { get; init; }
}

public sealed record ContributionRequest
{
    [Required]
    public ContributionKind? Kind { get; init; }

    [Required]
    public decimal? Quantity { get; init; }

    [Required, StringLength(50, MinimumLength = 1)]
    public string? Unit { get; init; }

    /// <summary>Required for an intervention: its name.</summary>
    [StringLength(300)]
    public string? Description { get; init; }
}

public sealed record SignatoryRequest
{
    [Required, StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    [StringLength(100)]
    public string? Title { get; init; }

    [Required]
    public bool? HasMandate { get; init; }
}

public sealed record TerminateAgreementRequest
{
    /// <summary>Defaults to today.</summary>
    [PlausibleDate]
    public DateOnly? TerminatedOn { get; init; }
}

public sealed record AgreementResponse(
    Guid Id, Guid CollaborationId, Guid ActorId, AgreementStatus Status, int? VersionInForce, DateOnly? TerminatedOn,
    IReadOnlyList<AgreementVersion> Versions, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt)
{
    public static AgreementResponse From(Agreement a) =>
        new(a.Id, a.CollaborationId, a.ActorId, a.Status, a.InForce?.Number, a.TerminatedOn, a.Versions, a.CreatedAt, a.UpdatedAt);
}

/// <summary>Rules across the fields of agreement terms, as a pure function returning errors keyed by field.</summary>
public static class AgreementRules
{
    public static Dictionary<string, string[]> Validate(AgreementTermsRequest terms)
    {
        var errors = new Dictionary<string, string[]>();
        if (terms.ValidFrom > terms.ValidTo)
            errors["validTo"] = [$"The agreement cannot end ({terms.ValidTo:yyyy-MM-dd}) before it starts ({terms.ValidFrom:yyyy-MM-dd})."];
        if (terms.Form == AgreementForm.Oral)
        {
            if (string.IsNullOrWhiteSpace(terms.OralAgreedBy))
                errors["oralAgreedBy"] = ["An oral agreement must say who agreed."];
            if (terms.OralAgreedOn is null)
                errors["oralAgreedOn"] = ["An oral agreement must say when it was agreed."];
        }
        for (var i = 0; i < (terms.Contributions?.Count ?? 0); i++)
        {
            var c = terms.Contributions![i];
            if (c.Quantity <= 0)
                errors[$"contributions[{i}].quantity"] = ["A contribution promises a quantity above zero."];
            if (c.Kind == ContributionKind.Intervention && string.IsNullOrWhiteSpace(c.Description))
                errors[$"contributions[{i}].description"] = ["Name the intervention."];
        }
        return errors;
    }

    public static AgreementTerms ToModel(AgreementTermsRequest t) => new()
    {
        Form = t.Form!.Value,
        OralAgreedBy = t.Form == AgreementForm.Oral ? t.OralAgreedBy?.Trim() : null,
        OralAgreedOn = t.Form == AgreementForm.Oral ? t.OralAgreedOn : null,
        Contributions = t.Contributions!.Select(c => new Contribution
        {
            Kind = c.Kind!.Value, Quantity = c.Quantity!.Value, Unit = c.Unit!.Trim(),
            Description = string.IsNullOrWhiteSpace(c.Description) ? null : c.Description.Trim(),
        }).ToList(),
        ValidFrom = t.ValidFrom!.Value,
        ValidTo = t.ValidTo!.Value,
        Signatories = t.Signatories?.Select(s => new Signatory { Name = s.Name!.Trim(), Title = s.Title?.Trim(), HasMandate = s.HasMandate!.Value }).ToList() ?? [],
    };

    public static IReadOnlyList<AgreedContribution> ForEvent(AgreementTerms terms) =>
        terms.Contributions.Select(c => new AgreedContribution { Kind = c.Kind, Quantity = c.Quantity, Unit = c.Unit, Description = c.Description }).ToList();
}
