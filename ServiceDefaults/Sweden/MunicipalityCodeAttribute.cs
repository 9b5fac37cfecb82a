using System.ComponentModel.DataAnnotations;

namespace Samverkan.ServiceDefaults.Sweden;

/// <summary>
/// Validates an SCB kommunkod, or every code of a list of them, against <see cref="Municipalities"/>.
/// A null value passes: whether the field is required is [Required]'s business.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MunicipalityCodeAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var codes = value switch
        {
            null => [],
            string one => [one],
            IEnumerable<string?> many => many.ToList(),
            _ => throw new InvalidOperationException($"[MunicipalityCode] applies to strings, not {value.GetType().Name}."),
        };
        var unknown = codes.Where(c => !Municipalities.IsKnown(c)).ToList();
        if (unknown.Count == 0)
            return ValidationResult.Success;
        return new ValidationResult(
            $"Not a Swedish municipality code (SCB kommunkod, four digits, one of 290): {string.Join(", ", unknown.Select(c => $"'{c}'"))}.",
            validationContext.MemberName is { } member ? [member] : null);
    }
}
