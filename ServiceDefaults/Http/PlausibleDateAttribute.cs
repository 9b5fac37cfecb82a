using System.ComponentModel.DataAnnotations;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// A date a person could mean: 1900-01-01 to 2199-12-31. DateOnly itself runs from year 1 to 9999, and rules
/// downstream add and subtract months (Employers' support follow-up, Actors' steering-group interval): a placement
/// "started" on 9999-12-31 made every later support-due read for the agency fail with a 500. On a request property
/// or a handler's query parameter; a null passes: whether the field is required is [Required]'s business.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlausibleDateAttribute : ValidationAttribute
{
    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2199, 12, 31);
    public const string Error = "A date from 1900-01-01 to 2199-12-31.";

    public static bool IsPlausible(DateOnly date) => date >= Min && date <= Max;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) => value switch
    {
        null => ValidationResult.Success,
        DateOnly date when IsPlausible(date) => ValidationResult.Success,
        DateOnly => new ValidationResult(Error, validationContext.MemberName is { } member ? [member] : null),
        _ => throw new InvalidOperationException($"[PlausibleDate] applies to DateOnly, not {value.GetType().Name}."),
    };
}
